namespace TimerGrid.Grains.Jobs;

/// <summary>
/// The job grain's state name. Orleans keys stored state by state name, not grain class, so every grain class has
/// its own, beside it in its feature (Routes.StateNames, Queues.StateNames).
/// </summary>
internal static class StateNames
{
    public const string Job = "job";
}
