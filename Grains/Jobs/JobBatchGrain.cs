using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// A batch create: one call in, then the job grains called concurrently, so that their state writes share the storage's
/// group commits instead of each waiting for its own. Each job is created by its grain exactly as a single create is
/// (checks, route, audit); a rule it breaks becomes its result. Any other failure (storage, a silo gone) fails the call:
/// repeating a batch is safe. A stateless worker: each silo runs one batch per core at a time, next to its caller.
/// </summary>
[StatelessWorker, GrainType("jobbatch")]
internal sealed class JobBatchGrain(IOptions<TimerGridOptions> options) : Grain, IJobBatchGrain
{
    /// <summary>Enough writes in flight to fill a group commit, few enough that one batch does not crowd out other callers.</summary>
    private const int MaxInFlight = 256;

    public async Task<JobCreateResult[]> CreateAsync(string db, string collection, NewJob[] jobs)
    {
        KeyRules.Require(db, "db");
        KeyRules.Require(collection, "collection");
        JobBatchRules.RequireCount(jobs.Length);
        var results = new JobCreateResult[jobs.Length];
        using var slots = new SemaphoreSlim(MaxInFlight);
        // The same id twice is two creates in order: each id's entries run one after the other, distinct ids at once.
        await Task.WhenAll(Enumerable.Range(0, jobs.Length).GroupBy(i => jobs[i].Id).Select(async sameId =>
        {
            await slots.WaitAsync();
            try
            {
                foreach (var i in sameId)
                {
                    results[i] = await CreateOneAsync(new JobKey(db, collection, jobs[i].Id), jobs[i].Spec);
                }
            }
            finally
            {
                slots.Release();
            }
        }));
        return results;
    }

    private async Task<JobCreateResult> CreateOneAsync(JobKey key, JobSpec spec)
    {
        try
        {
            JobSpecRules.Validate(key, spec, options.Value.MaxMetaBytes);
            var outcome = await GrainFactory.GetGrain<IJobGrain>(key.ToString()).CreateAsync(spec);
            return outcome == CreateOutcome.Conflict
                ? JobCreateResult.Failed(key.Id, ErrorCodes.JobExists, $"job '{key.Id}' exists with a different body; use PUT to change it")
                : JobCreateResult.Done(key.Id, outcome);
        }
        catch (TimerGridException e)
        {
            return JobCreateResult.Failed(key.Id, e.Error, e.Message);
        }
    }
}
