using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Listing;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Listing;

/// <summary>
/// Listing and lookup behind <see cref="IListingGrain"/>: checks the query, then reads the listing index
/// (<see cref="ListingReads"/>).
/// </summary>
[StatelessWorker, GrainType("listing")]
internal sealed class ListingGrain(StoredQueries queries) : Grain, IListingGrain
{
    public async Task<ListPage<JobView>> ListJobsAsync(JobListQuery query)
    {
        ListingRules.Validate(query);
        var paging = query.Paging;
        var range = JobListRange.Of(query, paging.Cursor is null ? null : Position(paging.Cursor));
        return await PageAsync(paging, () => queries.CountJobsAsync(query, range),
            (limit, offset) => queries.ReadJobPageAsync(query, range, limit, offset),
            row => StoredStates.Job(new JobKey(query.Db, query.Collection, row.Id), row.Payload), RecordCursor.After);
    }

    public async Task<JobView?> GetJobByNameAsync(string db, string collection, string name)
    {
        KeyRules.Require(db, "db");
        KeyRules.Require(collection, "collection");
        NameRules.Require(name);
        var rows = await StorageErrors.AnswerAsync(() => queries.ReadJobByNameAsync(db, collection, name));
        return rows.Count == 0 ? null : StoredStates.Job(new JobKey(db, collection, rows[0].Id), rows[0].Payload);
    }

    public async Task<IReadOnlyList<CollectionCount>> GetCollectionsAsync(string db)
    {
        KeyRules.Require(db, "db");
        var rows = await StorageErrors.AnswerAsync(() => queries.ReadCollectionCountsAsync(db));
        return [.. rows.Select(r => new CollectionCount(r.Collection, r.Count))];
    }

    public async Task<IReadOnlyList<CollectionName>> GetAllCollectionsAsync(int limit)
    {
        var rows = await StorageErrors.AnswerAsync(() => queries.ReadAllCollectionsAsync(Math.Clamp(limit, 1, PageRequest.MaxPageSize)));
        return [.. rows.Select(r => new CollectionName(r.Db, r.Collection, r.Count))];
    }

    public async Task<ListPage<RouteView>> ListRoutesAsync(string db, PageRequest paging)
    {
        KeyRules.Require(db, "db");
        ListingRules.Validate(paging);
        var afterId = paging.Cursor is null ? "" : Position(paging.Cursor).Id;
        return await PageAsync(paging, () => queries.CountRoutesAsync(db),
            (limit, offset) => queries.ReadRoutePageAsync(db, afterId, limit, offset),
            row => StoredStates.Route(RouteKey.Parse(row.Key), row.Payload), RecordCursor.After);
    }

    /// <summary>Reads one more entry than the page shows, to know whether another page follows.</summary>
    private static async Task<ListPage<T>> PageAsync<T, TRow>(
        PageRequest paging, Func<Task<long>> count, Func<int, long, Task<List<TRow>>> read, Func<TRow, T> view, Func<T, string> after)
    {
        var total = await StorageErrors.AnswerAsync(count);
        if (paging.Cursor is null && paging.Offset >= total)
        {
            return new ListPage<T>(total, [], null);   // beyond the end: skipping to it would read the whole range
        }
        var rows = await StorageErrors.AnswerAsync(() => read(paging.PageSize + 1, paging.Cursor is null ? paging.Offset : 0));
        var items = rows.Take(paging.PageSize).Select(view).ToList();
        return new ListPage<T>(total, items, rows.Count > paging.PageSize ? after(items[^1]) : null);
    }

    private static (long Time, string Id) Position(string cursor) =>
        RecordCursor.TryParse(cursor, out var time, out var id) && KeyRules.IsValid(id)
            ? (time, id)
            : throw new TimerGridException(ErrorCodes.InvalidCursor, $"'{cursor}' is not a cursor of this listing; pass the next_cursor of the previous page");
}
