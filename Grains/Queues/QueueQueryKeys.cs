namespace TimerGrid.Grains.Queues;

/// <summary>The OrleansQuery keys of queue recovery's reads (Storage/Scripts/*/0012_timergrid_queues.sql, 0017_timergrid_queue_entries.sql).</summary>
internal static class QueueQueryKeys
{
    public const string QueuedEntries = "TimerGridQueuedEntriesKey";
    public const string DueQueueItems = "TimerGridDueQueueItemsKey";
}
