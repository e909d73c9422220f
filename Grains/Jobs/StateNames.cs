namespace TimerGrid.Grains.Jobs;

/// <summary>
/// Grain state names. Orleans keys stored state by state name, not grain class,
/// so every grain class has its own.
/// </summary>
internal static class StateNames
{
    public const string Job = "job";
    public const string Route = "route";
    public const string QueueItem = "queueitem";
}
