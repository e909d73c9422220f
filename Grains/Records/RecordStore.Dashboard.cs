namespace TimerGrid.Grains.Records;

// The dashboard's reads over the job state rows (Storage/Scripts/*/0013_timergrid_dashboard.sql).
internal sealed partial class RecordStore
{
    /// <summary>The first <paramref name="limit"/> collections holding a stored job, as (db, collection), by key.</summary>
    public Task<List<(string Db, string Collection)>> ReadCollectionsAsync(int limit, CancellationToken cancellationToken = default) =>
        ReadAsync(RecordQueryKeys.Collections, c => c.Add("Limit", limit), row =>
        {
            var parts = row.GetString(0).Split('/');
            return (parts[0], parts[1]);
        }, cancellationToken);

    /// <summary>How many stored jobs are scheduled and how many failed, cluster-wide.</summary>
    public async Task<(long Scheduled, long Failed)> CountJobsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await ReadAsync(RecordQueryKeys.JobCounts, _ => { }, row => (Status: row.GetString(0), Count: row.GetInt64(1)), cancellationToken);
        return (counts.Find(c => c.Status == "scheduled").Count, counts.Find(c => c.Status == "failed").Count);
    }
}
