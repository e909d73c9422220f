namespace TimerGrid.Grains.Queues;

internal sealed partial class QueueItemGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Queue job {ItemId} ended {Status}: {Error}")]
    private partial void LogFinished(string itemId, string status, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue job {ItemId} back in its queue: its visibility ran out on attempt {Attempt}")]
    private partial void LogRequeued(string itemId, int attempt);
}
