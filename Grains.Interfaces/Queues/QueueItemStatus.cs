namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>Where a queue job is in its life (seed 002 shows <c>running</c> and <c>done</c>).</summary>
[GenerateSerializer, Alias("tg.QueueItemStatus")]
public enum QueueItemStatus
{
    /// <summary>Waiting for a worker (or for its delay).</summary>
    Queued,
    /// <summary>Taken by a worker whose visibility timeout has not run out.</summary>
    Running,
    /// <summary>A worker said it is done.</summary>
    Done,
    /// <summary>A worker said it failed, its job timeout passed, or it ran out of attempts.</summary>
    Failed,
    /// <summary>Deleted while a worker held it; that worker's update is refused.</summary>
    Cancelled,
}
