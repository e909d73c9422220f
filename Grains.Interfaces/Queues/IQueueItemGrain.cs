using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Calls;

namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>One queue job, keyed by its uuid. Its persisted state is the truth; shards only index it.</summary>
[Alias("tg.IQueueItemGrain")]
public interface IQueueItemGrain : IGrainWithStringKey
{
    /// <summary>Puts the job in its queue; a second call for the same job (a firing repeated after a crash) changes nothing.</summary>
    [Alias("Enqueue")] Task EnqueueAsync(QueueItemSpec spec);

    /// <summary>The job, or null when there is none.</summary>
    [Alias("Get"), Idempotent, ReadOnly, AlwaysInterleave] Task<QueueItemView?> GetAsync();

    /// <summary>The job once it is finished, or as it is when <paramref name="wait"/> runs out or the caller cancels; null when there is none.</summary>
    [Alias("WaitFinished"), AlwaysInterleave] Task<QueueItemView?> WaitFinishedAsync(TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>True once the job is in its queue (or past it), waiting up to <paramref name="wait"/>: a job due at once is takeable when its 202 goes out.</summary>
    [Alias("WaitEnqueued"), AlwaysInterleave] Task<bool> WaitEnqueuedAsync(TimeSpan wait);

    /// <summary>Hands the job to a worker for <paramref name="visibility"/> (null: the configured default); null when it is not queued.</summary>
    [Alias("Take")] Task<QueueItemView?> TakeAsync(TimeSpan? visibility);

    /// <summary>A worker's update: done or failed, with its result; null when there is no such job.</summary>
    [Alias("Finish")] Task<QueueItemView?> FinishAsync(QueueItemStatus status, string? result);

    /// <summary>Deletes the job, or cancels it while a worker holds it; the job as it was, or null when there was none.</summary>
    [Alias("Delete"), Idempotent] Task<QueueItemView?> DeleteAsync();

    /// <summary>Reconciles after a restart: back into its shard when queued, timers armed otherwise.</summary>
    [Alias("Wake")] Task WakeAsync();
}
