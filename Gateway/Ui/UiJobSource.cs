using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Listing;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Ui;

/// <summary>
/// Where the dashboard finds jobs: every db's collections, a collection's jobs a page at a time
/// from the listing (by next fire time), a search by exact id or name. The one place the pages ask for jobs.
/// </summary>
internal sealed class UiJobSource(IGrainFactory grains)
{
    public const int MaxCollections = 1000;
    public const int PageSize = 100;

    private IListingGrain Listing => grains.GetGrain<IListingGrain>(0);

    public Task<IReadOnlyList<CollectionName>> CollectionsAsync() =>
        Listing.GetAllCollectionsAsync(MaxCollections);

    /// <summary>A page of the collection's jobs after <paramref name="cursor"/>; with <paramref name="search"/>, the job with that id and the one with that name.</summary>
    public async Task<ListPage<JobView>> JobsAsync(string db, string collection, string? search, string? cursor)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            var query = new JobListQuery { Db = db, Collection = collection, Paging = new PageRequest { PageSize = PageSize, Cursor = cursor } };
            return await Listing.ListJobsAsync(query);
        }
        var term = search.Trim();
        var byId = KeyRules.IsValid(term) ? await grains.GetGrain<IJobGrain>(new JobKey(db, collection, term).ToString()).GetAsync() : null;
        var byName = await Listing.GetJobByNameAsync(db, collection, term);
        var found = new[] { byId, byName }.OfType<JobView>().DistinctBy(j => j.Key).ToList();
        return new ListPage<JobView>(found.Count, found, null);
    }
}
