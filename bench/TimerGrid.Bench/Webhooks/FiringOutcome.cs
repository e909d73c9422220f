using TimerGrid.Bench.Load;
using TimerGrid.Bench.Reporting;

namespace TimerGrid.Bench.Webhooks;

/// <summary>How the acknowledged jobs of a batch fired: lateness, throughput, missing, duplicate and early webhooks.</summary>
/// <param name="Early">Jobs whose webhook arrived before their trigger time.</param>
internal sealed record FiringOutcome(int Arrived, int Missing, int Duplicates, int Early, LatenessSummary? Lateness, double FirstArrival, double LastArrival)
{
    /// <summary>Late duplicates (a retry after a lost answer) come after the first arrival; give them this long.</summary>
    private static readonly TimeSpan DuplicateGrace = TimeSpan.FromSeconds(2);

    /// <summary>Arrivals per second between the first and the last arrival.</summary>
    public double PerSecond => Arrived > 1 ? Arrived / ((LastArrival - FirstArrival) / 1000) : 0;

    /// <summary>Waits until every acknowledged job arrived or <paramref name="deadline"/> (epoch ms) passed, then a grace for duplicates.</summary>
    public static async Task<FiringOutcome> AwaitAsync(ArrivalLog log, JobBatch batch, long deadline)
    {
        await log.WaitForAsync(batch.Acknowledged, deadline);
        await Task.Delay(DuplicateGrace);
        return Of(log, batch);
    }

    public static FiringOutcome Of(ArrivalLog log, JobBatch batch)
    {
        var arrivals = log.Snapshot();
        var missing = batch.AcknowledgedKeys().Count(key => !log.Contains(key));
        return new FiringOutcome(
            arrivals.Length,
            missing,
            log.Duplicates,
            arrivals.Count(a => a.LatenessMs < 0),
            LatenessSummary.Of(arrivals.Select(a => a.LatenessMs)),
            arrivals.Length == 0 ? 0 : arrivals.Min(a => a.ArrivedAt),
            arrivals.Length == 0 ? 0 : arrivals.Max(a => a.ArrivedAt));
    }
}
