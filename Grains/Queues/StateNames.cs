namespace TimerGrid.Grains.Queues;

/// <summary>The queue job grain's state name (see Jobs.StateNames: one per grain class).</summary>
internal static class StateNames
{
    public const string QueueItem = "queueitem";
}
