using TimerGrid.Grains.Interfaces.Callbacks;

namespace TimerGrid.Bench.Callbacks;

/// <summary>The GRAIN route's interface; the node's silo has no class implementing it, only the bench's callback silo.</summary>
[Alias(Name)]
public interface IBenchCallback : ITimerCallback
{
    public const string Name = "bench.ICallback";
}
