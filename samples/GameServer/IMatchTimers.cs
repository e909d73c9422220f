using Orleans;
using TimerGrid.Grains.Interfaces.Callbacks;

namespace TimerGrid.GameServer;

/// <summary>The game server's end-of-match callback; its alias is the GRAIN route's grain_interface.</summary>
[Alias("mygame.IMatchTimers")]
public interface IMatchTimers : ITimerCallback;
