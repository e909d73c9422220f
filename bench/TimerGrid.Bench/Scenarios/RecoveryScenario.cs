using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// K jobs acknowledged, then kill -9 before they are due; restart once all are overdue: how soon after
/// the node answers again does the last overdue job arrive?
/// </summary>
internal sealed class RecoveryScenario : IScenario
{
    private const string Collection = "recovery";
    private static readonly TimeSpan Overdue = TimeSpan.FromSeconds(2);

    public string Name => "recovery";

    public async Task<Report> RunAsync(BenchRig rig, BenchOptions options)
    {
        var report = new Report(Name, rig.Target);
        var log = rig.Receiver.For(Collection);
        // Due 1 s after creation ends: the kill comes first.
        var batch = await BurstRound.CreateAsync(rig, Collection, options.Jobs, null, TimeSpan.FromSeconds(1));
        rig.Node.Kill();
        var killedAt = EpochClock.NowPrecise;
        report.AddCreation(batch);
        report.Add("fired_before_kill", log.Count);

        await EpochClock.UntilAsync(batch.LastTriggerTime + (long)Overdue.TotalMilliseconds);
        var restartedAt = EpochClock.NowPrecise;
        var toHealthy = await rig.Node.StartAsync();
        var healthyAt = EpochClock.NowPrecise;
        Console.Error.WriteLine($"   down {(restartedAt - killedAt) / 1000:F1} s; restarted, /healthz answered in {toHealthy.TotalSeconds:F2} s");
        var outcome = await FiringOutcome.AwaitAsync(log, batch, EpochClock.Now + 120_000);

        report.Add("down_s", (restartedAt - killedAt) / 1000);
        report.Add("restart_to_healthz_s", toHealthy.TotalSeconds);
        report.Add("healthz_to_first_overdue_s", (outcome.FirstArrival - healthyAt) / 1000);
        report.Add("healthz_to_last_overdue_s", (outcome.LastArrival - healthyAt) / 1000);
        report.AddFiring(outcome, withLateness: false);
        return report;
    }
}
