using TimerGrid.Grains.Storage;

namespace TimerGrid.Testing.Clock;

/// <summary>What the job state rows, the truth, say is due: the same rows and query the overdue sweep reads.</summary>
internal sealed class DueJobs(StoredQueries queries)
{
    /// <summary>Storage/Scripts/*/0011_timergrid_job_listing.sql.</summary>
    private const string DueJobsKey = "TimerGridDueJobsKey";

    /// <summary>Storage/Scripts/*/0018_timergrid_next_due.sql.</summary>
    private const string NextDueKey = "TimerGridNextDueKey";

    /// <summary>The keys of the jobs due at or before <paramref name="until"/>, earliest first.</summary>
    public Task<List<string>> KeysAsync(DateTimeOffset until) =>
        queries.ReadAsync(DueJobsKey, c => c.Add("Until", until.ToUnixTimeMilliseconds()), row => row.GetString(0));

    /// <summary>The earliest due time after <paramref name="after"/>, at or before <paramref name="until"/>.</summary>
    public async Task<DateTimeOffset?> NextAsync(DateTimeOffset after, DateTimeOffset until)
    {
        var next = await queries.ReadAsync(NextDueKey, c =>
        {
            c.Add("After", after.ToUnixTimeMilliseconds());
            c.Add("Until", until.ToUnixTimeMilliseconds());
        }, row => row.IsDBNull(0) ? (long?)null : row.GetInt64(0));
        return next is [{ } ms] ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }
}
