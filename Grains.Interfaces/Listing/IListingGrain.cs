using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Calls;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Grains.Interfaces.Listing;

/// <summary>
/// Listing and lookup: a collection's jobs in next-fire-time order, a job by name, a db's (or every db's) collections and routes.
/// A stateless worker over TimerGrid's listing index, so a standalone gateway reads through the cluster. Use key 0.
/// </summary>
[Alias("tg.IListingGrain")]
public interface IListingGrain : IGrainWithIntegerKey
{
    /// <summary>One page of the jobs matching the query, by next fire time then id (jobs with none last), and how many match.</summary>
    [Alias("Jobs"), Idempotent, ReadOnly] Task<ListPage<JobView>> ListJobsAsync(JobListQuery query);

    /// <summary>The job of the collection with that name, or null.</summary>
    [Alias("JobByName"), Idempotent, ReadOnly] Task<JobView?> GetJobByNameAsync(string db, string collection, string name);

    /// <summary>The db's collections that hold jobs, by name, with how many each holds.</summary>
    [Alias("Collections"), Idempotent, ReadOnly] Task<IReadOnlyList<CollectionCount>> GetCollectionsAsync(string db);

    /// <summary>The first <paramref name="limit"/> (at most 1000) collections holding jobs, of every db, by db and name, with how many each holds.</summary>
    [Alias("AllCollections"), Idempotent, ReadOnly] Task<IReadOnlyList<CollectionName>> GetAllCollectionsAsync(int limit);

    /// <summary>One page of the db's routes by id, and how many it has.</summary>
    [Alias("Routes"), Idempotent, ReadOnly] Task<ListPage<RouteView>> ListRoutesAsync(string db, PageRequest paging);
}
