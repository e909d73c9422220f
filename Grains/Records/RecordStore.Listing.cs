using System.Data.Common;
using TimerGrid.Grains.Interfaces.Listing;
using TimerGrid.Grains.Listing;

namespace TimerGrid.Grains.Records;

/// <summary>The listing's reads: pages of a collection's jobs from the listing index (script 0011), counts, names, routes.</summary>
internal sealed partial class RecordStore
{
    /// <summary>Up to <paramref name="limit"/> jobs (id, stored state) of the range, <paramref name="offset"/> skipped, in (next fire time, id) order.</summary>
    public Task<List<(string Id, byte[] Payload)>> ReadJobPageAsync(JobListQuery query, JobListRange range, int limit, long offset, CancellationToken cancellationToken = default) =>
        ReadAsync(RecordQueryKeys.JobPage, c =>
        {
            c.AddJobFilters(query, range);
            c.Add("AfterTime", range.AfterTime);
            c.Add("AfterId", range.AfterId);
            c.Add("Limit", limit);
            c.Add("Offset", offset);
        }, RecordRows.Job, cancellationToken);

    /// <summary>How many jobs match: from the per-group counts, unless a name or time filter needs the index counted.</summary>
    public async Task<long> CountJobsAsync(JobListQuery query, JobListRange range, CancellationToken cancellationToken = default)
    {
        var key = query is { Name: null, From: null, To: null } ? RecordQueryKeys.JobCount : RecordQueryKeys.JobCountInRange;
        return (await ReadAsync(key, c => c.AddJobFilters(query, range), Count, cancellationToken)).Single();
    }

    /// <summary>The job of the collection with this name (id, stored state); of jobs sharing it as a label, the first listed.</summary>
    public Task<List<(string Id, byte[] Payload)>> ReadJobByNameAsync(string db, string collection, string name, CancellationToken cancellationToken = default) =>
        ReadAsync(RecordQueryKeys.JobByName, c =>
        {
            c.AddJob(db, collection, null);
            c.Add("Name", name);
        }, RecordRows.Job, cancellationToken);

    /// <summary>The db's collections holding jobs, with their counts, by name.</summary>
    public Task<List<(string Collection, long Count)>> ReadCollectionCountsAsync(string db, CancellationToken cancellationToken = default) =>
        ReadAsync(RecordQueryKeys.CollectionCounts, c => c.AddJob(db, null, null), row => (row.GetString(0), row.GetInt64(1)), cancellationToken);

    /// <summary>Up to <paramref name="limit"/> routes (key, stored state) of the db with an id after <paramref name="afterId"/>, <paramref name="offset"/> skipped.</summary>
    public Task<List<(string Key, byte[] Payload)>> ReadRoutePageAsync(string db, string afterId, int limit, long offset, CancellationToken cancellationToken = default) =>
        ReadAsync(RecordQueryKeys.RoutePage, c =>
        {
            c.AddJob(db, null, null);
            c.Add("AfterId", afterId);
            c.Add("Limit", limit);
            c.Add("Offset", offset);
        }, RecordRows.Job, cancellationToken);

    public async Task<long> CountRoutesAsync(string db, CancellationToken cancellationToken = default) =>
        (await ReadAsync(RecordQueryKeys.RouteCount, c => c.AddJob(db, null, null), Count, cancellationToken)).Single();

    private static long Count(DbDataReader row) => row.GetInt64(0);
}
