namespace TimerGrid.GameServer;

/// <summary>What the game server schedules with each match and gets back when it ends (the job's meta).</summary>
public sealed record MatchEnd(int Match, string Arena);
