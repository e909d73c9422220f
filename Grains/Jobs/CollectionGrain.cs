using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Listing;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Jobs;

/// <summary>A collection as a whole: pauses or resumes each of its jobs through the job's own grain (audited there).</summary>
[GrainType("collection")]
internal sealed class CollectionGrain : Grain, ICollectionGrain
{
    private const int Concurrency = 16;

    public async Task<int> SetEnabledAsync(bool enabled)
    {
        var slash = this.GetPrimaryKeyString().IndexOf('/');
        var (db, collection) = (this.GetPrimaryKeyString()[..slash], this.GetPrimaryKeyString()[(slash + 1)..]);
        KeyRules.Require(db, "db");
        KeyRules.Require(collection, "collection");
        var jobs = await GrainFactory.GetGrain<IListingGrain>(0).ListAllJobsAsync(db, collection);
        var changed = 0;
        // Chunks awaited in the grain's own context: grain calls cannot start from thread-pool threads.
        foreach (var chunk in jobs.Where(j => j.Enabled != enabled).Chunk(Concurrency))
        {
            var results = await Task.WhenAll(chunk.Select(job =>
            {
                var grain = GrainFactory.GetGrain<IJobGrain>(job.Key.ToString());
                return enabled ? grain.ResumeAsync() : grain.PauseAsync();
            }));
            changed += results.Count(done => done);
        }
        return changed;
    }
}
