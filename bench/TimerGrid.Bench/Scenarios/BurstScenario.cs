using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Scenarios;

/// <summary>N jobs due within the same second: creation rate, then how late and how fast the node fires them.</summary>
internal sealed class BurstScenario : IScenario
{
    private const string Collection = "burst";

    public string Name => "burst";

    public async Task<Report> RunAsync(BenchRig rig, BenchOptions options)
    {
        var report = new Report(Name, rig.Target);
        var batch = await BurstRound.CreateAsync(rig, Collection, options.Jobs, options.Ahead, TimeSpan.FromSeconds(3));
        report.AddCreation(batch);
        report.Add("min_lead_ms", batch.MinLeadMs);
        var outcome = await FiringOutcome.AwaitAsync(rig.Receiver.For(Collection), batch, batch.LastTriggerTime + 60_000);
        report.AddFiring(outcome);
        return report;
    }
}
