namespace TimerGrid.Grains.Queues;

/// <summary>The OrleansQuery keys of queue recovery's reads (Storage/Scripts/*/0012_timergrid_queues.sql).</summary>
internal static class QueueQueryKeys
{
    public const string QueuedItems = "TimerGridQueuedItemsKey";
    public const string DueQueueItems = "TimerGridDueQueueItemsKey";
}
