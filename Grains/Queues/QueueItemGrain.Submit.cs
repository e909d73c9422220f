using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Queues;

// A seed-002 job due at once, as gateways of the previous release submit it (gateways now call QueueIntakeGrain):
// created and queued in one write by QueueSubmissions, which writes this grain's row too.
internal sealed partial class QueueItemGrain
{
    public async Task SubmitAsync(JobKey job, JobSpec spec)
    {
        if (!item.RecordExists)
        {
            await submissions.SubmitAsync(job, spec, this.GetGrainId(), Now());
            await item.ReadStateAsync();   // the row's version becomes this activation's, for its next write
        }
        await ReconcileAsync();
    }
}
