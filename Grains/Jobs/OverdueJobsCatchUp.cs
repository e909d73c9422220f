using System.Diagnostics;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Queues;
using TimerGrid.Grains.Records;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// Wakes jobs whose time has come but whose grain is not about to fire them, reading the job state rows (the
/// truth), not the reminders: at silo start and when a silo of the cluster dies, every job due within the wake
/// lead; and every <see cref="FiringOptions.SweepInterval"/>, every job overdue by two sweeps. Orleans never
/// replays a missed reminder tick, and a job due within a minute holds no reminder at all (its grain keeps an
/// exact timer), so without this such jobs would wait for a reminder period, or for ever.
/// </summary>
internal sealed partial class OverdueJobsCatchUp(
    RecordStore store,
    QueueRecovery queues,
    IGrainFactory grains,
    IClusterMembershipService membership,
    IOptions<FiringOptions> firing,
    TimerGridInstruments instruments,
    TimeProvider clock,
    ILogger<OverdueJobsCatchUp> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private const int Concurrency = 64;

    private readonly CancellationTokenSource _stopping = new();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OverdueJobsCatchUp), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: start-up must not wait for thousands of deliveries.
        _ = Task.Run(async () =>
        {
            await WakeDueJobsAsync(DueSoon(), "start-up");
            await RequeueAsync("start-up");
            await SweepAsync();
        }, CancellationToken.None);
        _ = Task.Run(WatchForDeadSilosAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    private long DueSoon() => clock.GetUtcNow().ToUnixTimeMilliseconds() + (long)firing.Value.WakeLead.TotalMilliseconds;

    private async Task SweepAsync()
    {
        var interval = firing.Value.SweepInterval;
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                var overdue = clock.GetUtcNow().ToUnixTimeMilliseconds() - 2 * (long)interval.TotalMilliseconds;
                await WakeDueJobsAsync(overdue, "sweep");
                await WakeAsync(() => queues.WakeDueAsync(overdue, _stopping.Token), "queue sweep");
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // silo stopping
        }
    }

    private async Task WatchForDeadSilosAsync()
    {
        var dead = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress).ToHashSet();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stopping.Token))
            {
                var died = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead && dead.Add(m.SiloAddress)).Select(m => m.SiloAddress).ToList();
                if (died.Count > 0)
                {
                    LogSiloDied(string.Join(", ", died));
                    await WakeDueJobsAsync(DueSoon(), "silo death");
                    await RequeueAsync("silo death");
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // silo stopping
        }
    }

    private async Task WakeDueJobsAsync(long until, string reason)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var due = await store.ReadDueJobKeysAsync(until, _stopping.Token);
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
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
            // The next sweep tries again; jobs with reminders also wake on their next tick.
            LogCatchUpFailed(reason, e);
        }
    }

    private Task RequeueAsync(string reason) => WakeAsync(() => queues.RequeueAsync(reason, _stopping.Token), $"queue {reason}");

    private async Task WakeAsync(Func<Task> wake, string reason)
    {
        try
        {
            await wake();
        }
        catch (Exception e) when (!_stopping.IsCancellationRequested)
        {
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
