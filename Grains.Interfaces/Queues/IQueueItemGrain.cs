using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Calls;
using TimerGrid.Grains.Interfaces.Jobs;

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

    /// <summary>
    /// Creates the seed-002 job <paramref name="job"/> (keyed by this job's uuid), due at once, and puts it in its queue
    /// (<paramref name="spec"/>'s route) in one durable write: the native job, delivered into the queue, and this queue job.
    /// A second call for the same job changes nothing. Gateways now call <see cref="IQueueIntakeGrain"/>; this stays for
    /// gateways of the previous release during a rolling upgrade.
    /// </summary>
    [Alias("Submit")] Task SubmitAsync(JobKey job, JobSpec spec);

    /// <summary>Hands the job to a worker for <paramref name="visibility"/> (null: the configured default); null when it is not queued.</summary>
    [Alias("Take")] Task<QueueItemView?> TakeAsync(TimeSpan? visibility);

    /// <summary>A worker's update: done or failed, with its result (the same update again answers the job as it is); null when there is no such job in <paramref name="db"/>.</summary>
    [Alias("Finish")] Task<QueueItemView?> FinishAsync(string db, QueueItemStatus status, string? result);

    /// <summary>Deletes the job, or cancels it while a worker holds it; the job as it was, or null when there was none in <paramref name="db"/>.</summary>
    [Alias("Delete"), Idempotent] Task<QueueItemView?> DeleteAsync(string db);

    /// <summary>Reconciles after a restart: back into its shard when queued, timers armed otherwise.</summary>
    [Alias("Wake")] Task WakeAsync();
}
