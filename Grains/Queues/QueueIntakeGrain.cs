using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Queues;

namespace TimerGrid.Grains.Queues;

/// <summary>
/// A seed-002 job due at once: written by <see cref="QueueSubmissions"/> before its grain exists, then its grain woken on
/// the state just written (<see cref="FreshStates"/>), which puts it in its shard. Its activation so reads no row: neither
/// the absent one before the write nor the written one after it. Reentrant, so that many submits share group commits.
/// </summary>
[StatelessWorker, Reentrant, GrainType("queueintake")]
internal sealed class QueueIntakeGrain(QueueSubmissions submissions, FreshStates fresh, TimeProvider clock) : Grain, IQueueIntakeGrain
{
    public async Task SubmitAsync(JobKey job, JobSpec spec)
    {
        var item = GrainFactory.GetGrain<IQueueItemGrain>(job.Id);
        var queued = await submissions.SubmitAsync(job, spec, item.GetGrainId(), clock.GetUtcNow().ToUnixTimeMilliseconds());
        using (fresh.Hold(StateNames.QueueItem, item.GetGrainId(), queued, QueueSubmissions.WrittenVersion))
        {
            await item.WakeAsync();
        }
    }
}
