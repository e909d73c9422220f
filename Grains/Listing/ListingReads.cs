using System.Data.Common;
using TimerGrid.Grains.Interfaces.Listing;

namespace TimerGrid.Grains.Listing;

/// <summary>The listing's reads: pages of a collection's jobs from the listing index (script 0011), counts, names, collections, routes.</summary>
internal static class ListingReads
{
    /// <summary>Up to <paramref name="limit"/> jobs (id, stored state) of the range, <paramref name="offset"/> skipped, in (next fire time, id) order.</summary>
    public static Task<List<(string Id, byte[] Payload)>> ReadJobPageAsync(this StoredQueries queries, JobListQuery query, JobListRange range, int limit, long offset) =>
        queries.ReadAsync(ListingQueryKeys.JobPage, c =>
        {
            c.AddJobFilters(query, range);
            c.Add("AfterTime", range.AfterTime);
            c.Add("AfterId", range.AfterId);
            c.Add("Limit", limit);
            c.Add("Offset", offset);
        }, KeyAndState);

    /// <summary>How many jobs match: from the per-group counts, unless a name or time filter needs the index counted.</summary>
    public static async Task<long> CountJobsAsync(this StoredQueries queries, JobListQuery query, JobListRange range)
    {
        var key = query is { Name: null, From: null, To: null } ? ListingQueryKeys.JobCount : ListingQueryKeys.JobCountInRange;
        return (await queries.ReadAsync(key, c => c.AddJobFilters(query, range), Count)).Single();
    }

    /// <summary>The job of the collection with this name (id, stored state); of jobs sharing it as a label, the first listed.</summary>
    public static Task<List<(string Id, byte[] Payload)>> ReadJobByNameAsync(this StoredQueries queries, string db, string collection, string name) =>
        queries.ReadAsync(ListingQueryKeys.JobByName, c =>
        {
            c.AddJob(db, collection, null);
            c.Add("Name", name);
        }, KeyAndState);

    /// <summary>The db's collections holding jobs, with their counts, by name.</summary>
    public static Task<List<(string Collection, long Count)>> ReadCollectionCountsAsync(this StoredQueries queries, string db) =>
        queries.ReadAsync(ListingQueryKeys.CollectionCounts, c => c.AddJob(db, null, null), row => (row.GetString(0), row.GetInt64(1)));

    /// <summary>The first <paramref name="limit"/> collections holding jobs, of every db, by db and name, with how many each holds.</summary>
    public static Task<List<(string Db, string Collection, long Count)>> ReadAllCollectionsAsync(this StoredQueries queries, int limit) =>
        queries.ReadAsync(ListingQueryKeys.AllCollections, c => c.Add("Limit", limit), row => (row.GetString(0), row.GetString(1), row.GetInt64(2)));

    /// <summary>Up to <paramref name="limit"/> routes (key, stored state) of the db with an id after <paramref name="afterId"/>, <paramref name="offset"/> skipped.</summary>
    public static Task<List<(string Key, byte[] Payload)>> ReadRoutePageAsync(this StoredQueries queries, string db, string afterId, int limit, long offset) =>
        queries.ReadAsync(ListingQueryKeys.RoutePage, c =>
        {
            c.AddJob(db, null, null);
            c.Add("AfterId", afterId);
            c.Add("Limit", limit);
            c.Add("Offset", offset);
        }, KeyAndState);

    public static async Task<long> CountRoutesAsync(this StoredQueries queries, string db) =>
        (await queries.ReadAsync(ListingQueryKeys.RouteCount, c => c.AddJob(db, null, null), Count)).Single();

    /// <summary>The filters and next-fire-time bounds of a job listing; the caller adds its keyset and page.</summary>
    private static void AddJobFilters(this DbCommand command, JobListQuery query, JobListRange range)
    {
        command.AddJob(query.Db, query.Collection, null);
        command.Add("Status", query.Status is { } status ? StoredNames.Of(status) : null);
        command.Add("Route", query.Route);
        command.Add("Name", query.Name);
        command.Add("Enabled", query.Enabled);
        command.Add("From", range.From);
        command.Add("Until", range.Until);
    }

    private static (string, byte[]) KeyAndState(DbDataReader row) => (row.GetString(0), (byte[])row.GetValue(1));

    private static long Count(DbDataReader row) => row.GetInt64(0);
}
