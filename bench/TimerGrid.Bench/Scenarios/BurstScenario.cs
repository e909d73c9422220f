using TimerGrid.Bench.Load;
using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// N jobs due within the same second: creation rate, then how late and how fast the node fires them. Where the target
/// has a GRAIN route, a second burst follows into callback grains (figures <c>grain_*</c>), beside the webhooks' in one run (not in <c>compare</c>).
/// </summary>
internal sealed class BurstScenario : IScenario
{
    private const string Collection = "burst";

    public string Name => "burst";

    public async Task<Report> RunAsync(BenchRig rig, BenchOptions options)
    {
        var report = new Report(Name, rig.Target);
        await BurstAsync(rig, options, report, Collection, JobPlan.WebhookRoute, prefix: "");
        if (GrainRouteFigures.Wanted(rig, options))
        {
            await using var callbacks = await rig.JoinCallbackSiloAsync();
            await BurstAsync(rig, options, report, Collection + GrainRouteFigures.CollectionSuffix, JobPlan.GrainRoute, GrainRouteFigures.Prefix);
        }
        return report;
    }

    private static async Task BurstAsync(BenchRig rig, BenchOptions options, Report report, string collection, string route, string prefix)
    {
        var batch = await BurstRound.CreateAsync(rig, collection, options.Jobs, options.Ahead, TimeSpan.FromSeconds(3), route);
        report.AddCreation(batch, prefix);
        report.Add(prefix + "min_lead_ms", batch.MinLeadMs);
        var outcome = await FiringOutcome.AwaitAsync(rig.Receiver.For(collection), batch, batch.LastTriggerTime + 60_000);
        report.AddFiring(outcome, prefix);
    }
}
