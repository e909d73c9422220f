using TimerGrid.Grains.Interfaces.Calls;

namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>
/// Creates many jobs of one collection in one call, each exactly as <see cref="IJobGrain.CreateAsync"/> would. A stateless
/// worker: call it with key 0; a standalone gateway sends one call per batch, and the silo fans it out to the job grains.
/// </summary>
[Alias("tg.IJobBatchGrain")]
public interface IJobBatchGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// One result per job, in order; a bad job fails only itself, and the same id twice is two creates in order. Every ok
    /// job is durable when this returns. <see cref="Errors.ErrorCodes.InvalidBatch"/> for no jobs or more than
    /// <see cref="Validation.JobBatchRules.MaxJobs"/>, <see cref="Errors.ErrorCodes.InvalidKey"/> for a bad db or collection.
    /// </summary>
    [Alias("Create"), Idempotent] Task<JobCreateResult[]> CreateAsync(string db, string collection, NewJob[] jobs);
}
