using System.Diagnostics;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// Wakes jobs whose time has come but whose grain is not about to fire them, reading the job state rows, not the
/// reminders: at silo start and when a silo of the cluster dies, every job due within the wake lead; on every sweep,
/// every job overdue by two sweeps. A job due within a minute holds no reminder at all (its grain keeps an exact
/// timer), so without this such jobs would wait for a reminder period, or for ever.
/// </summary>
internal sealed partial class OverdueJobsCatchUp(
    StoredQueries queries,
    IGrainFactory grains,
    IClusterMembershipService membership,
    IOptions<FiringOptions> firing,
    TimerGridInstruments instruments,
    TimeProvider clock,
    ILogger<OverdueJobsCatchUp> logger) : StateRowRecovery(membership, firing, clock)
{
    private const int Concurrency = 64;

    /// <summary>The OrleansQuery key of the due jobs' keys (Storage/Scripts/*/0008_timergrid_due_jobs.sql).</summary>
    private const string DueJobsKey = "TimerGridDueJobsKey";

    protected override Task StartedAsync() => WakeDueJobsAsync(DueSoon(), "start-up");

    protected override Task SweptAsync(long overdue) => WakeDueJobsAsync(overdue, "sweep");

    protected override Task SilosDiedAsync(IReadOnlyList<SiloAddress> died)
    {
        LogSiloDied(string.Join(", ", died));
        return WakeDueJobsAsync(DueSoon(), "silo death");
    }

    private long DueSoon() => Now + (long)Firing.WakeLead.TotalMilliseconds;

    private async Task WakeDueJobsAsync(long until, string reason)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var due = await queries.ReadAsync(DueJobsKey, c => c.Add("Until", until), row => row.GetString(0), Stopping);
            if (due.Count == 0)
            {
                return;
            }
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
                async (key, _) => await grains.GetGrain<IJobGrain>(key).WakeAsync());
            var elapsed = Stopwatch.GetElapsedTime(started);
            instruments.CaughtUp(reason, due.Count, elapsed.TotalSeconds);
            LogCaughtUp(reason, due.Count, (long)elapsed.TotalMilliseconds);
        }
        catch (Exception e) when (!Stopping.IsCancellationRequested)
        {
            // The next sweep tries again; jobs with reminders also wake on their next tick.
            LogCatchUpFailed(reason, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {SiloAddress} declared dead; waking its due jobs")]
    private partial void LogSiloDied(string siloAddress);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catch-up ({Reason}) woke {Count} due jobs in {ElapsedMs} ms")]
    private partial void LogCaughtUp(string reason, int count, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catch-up ({Reason}) failed; it runs again at the next sweep")]
    private partial void LogCatchUpFailed(string reason, Exception exception);
}
