namespace TimerGrid.Grains.Records;

// The dashboard's reads over the listing's per-collection counts (Storage/Scripts/*/0013_timergrid_dashboard.sql).
internal sealed partial class RecordStore
{
    /// <summary>The first <paramref name="limit"/> collections holding jobs, by db and name, with how many each holds.</summary>
    public Task<List<(string Db, string Collection, long Count)>> ReadAllCollectionsAsync(int limit, CancellationToken cancellationToken = default) =>
        ReadAsync(RecordQueryKeys.AllCollections, c => c.Add("Limit", limit),
            row => (row.GetString(0), row.GetString(1), row.GetInt64(2)), cancellationToken);

    /// <summary>How many stored jobs are scheduled and how many failed, cluster-wide.</summary>
    public async Task<(long Scheduled, long Failed)> CountJobsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await ReadAsync(RecordQueryKeys.StatusCounts, _ => { }, row => (Status: row.GetString(0), Count: row.GetInt64(1)), cancellationToken);
        return (counts.Find(c => c.Status == "scheduled").Count, counts.Find(c => c.Status == "failed").Count);
    }
}
