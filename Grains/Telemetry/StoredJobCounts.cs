using System.Diagnostics.Metrics;

namespace TimerGrid.Grains.Telemetry;

/// <summary>
/// The pending and failed job counts behind their gauges. Observing a gauge never waits for storage: it reports the
/// last count and, when that is older than <see cref="MaxAge"/>, starts a new one in the background. Until the first
/// count arrives the gauges report nothing rather than a made-up zero.
/// </summary>
internal sealed partial class StoredJobCounts(StoredQueries queries, TimeProvider clock, ILogger<StoredJobCounts> logger)
{
    /// <summary>The OrleansQuery key of the stored jobs' counts by status (Storage/Scripts/*/0013_timergrid_dashboard.sql).</summary>
    private const string StatusCountsKey = "TimerGridStatusCountsKey";

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private (long Scheduled, long Failed)? _counts;
    private long _countedAt;
    private int _counting;

    public IEnumerable<Measurement<long>> Pending() => Observe(c => c.Scheduled);

    public IEnumerable<Measurement<long>> Failed() => Observe(c => c.Failed);

    /// <summary>The last counts (scheduled, failed), or null before the first one.</summary>
    public (long Scheduled, long Failed)? Latest
    {
        get
        {
            RefreshIfOld();
            return _counts;
        }
    }

    private IEnumerable<Measurement<long>> Observe(Func<(long Scheduled, long Failed), long> pick) =>
        Latest is { } counts ? [new Measurement<long>(pick(counts))] : [];

    private void RefreshIfOld()
    {
        var now = clock.GetTimestamp();
        if ((_counts is not null && clock.GetElapsedTime(Interlocked.Read(ref _countedAt), now) < MaxAge) || Interlocked.Exchange(ref _counting, 1) == 1)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                _counts = await CountAsync();
                Interlocked.Exchange(ref _countedAt, clock.GetTimestamp());
            }
            catch (Exception e)
            {
                LogCountFailed(e.Message);   // storage away: the gauges keep their last figure, the next observation retries
            }
            finally
            {
                Volatile.Write(ref _counting, 0);
            }
        });
    }

    private async Task<(long Scheduled, long Failed)> CountAsync()
    {
        var counts = await queries.ReadAsync(StatusCountsKey, _ => { }, row => (Status: row.GetString(0), Count: row.GetInt64(1)));
        return (counts.Find(c => c.Status == "scheduled").Count, counts.Find(c => c.Status == "failed").Count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Counting pending and failed jobs failed: {Error}")]
    private partial void LogCountFailed(string error);
}
