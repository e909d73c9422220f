using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Interfaces.Listing;

/// <summary>Listings read whole, a page of <see cref="IListingGrain"/> at a time.</summary>
public static class ListingGrainExtensions
{
    /// <summary>Every job of the collection, by id; a job whose next fire time moved while the pages were read is listed once.</summary>
    public static async Task<IReadOnlyList<JobView>> ListAllJobsAsync(this IListingGrain listing, string db, string collection)
    {
        var jobs = new SortedDictionary<string, JobView>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var page = await listing.ListJobsAsync(new JobListQuery
            {
                Db = db,
                Collection = collection,
                Paging = new PageRequest { PageSize = PageRequest.MaxPageSize, Cursor = cursor },
            });
            foreach (var job in page.Items)
            {
                jobs[job.Key.Id] = job;
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return [.. jobs.Values];
    }
}
