using TimerGrid.Bench.Load;
using TimerGrid.Bench.Reporting;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// R jobs/s due continuously for D seconds, each created <see cref="PacedStep.Lead"/> before it is due:
/// in steady state the node creates and fires R jobs/s at once, after a warm-up as in capacity. Without it the first
/// target of a run paid for the load generator's own JIT (its creations lagged in their first seconds, so jobs fired late
/// or were skipped): in pairs of builds the one run first showed p99 10-15 times the other's, in either order. Where the
/// target has a GRAIN route, the same step follows into callback grains (figures <c>grain_*</c>), beside the webhooks'
/// in one run (not in <c>compare</c>).
/// </summary>
internal sealed class SpreadScenario : IScenario
{
    private const string Collection = "spread";

    public string Name => "spread";

    public async Task<Report> RunAsync(BenchRig rig, BenchOptions options)
    {
        var report = new Report(Name, rig.Target);
        rig.WarmCreationRate ??= await Warmup.RunAsync(rig, options.Jobs);
        var step = await PacedStep.RunAsync(rig, Collection, options.Rate, options.Seconds);
        step.AddTo(report);
        if (GrainRouteFigures.Wanted(rig, options))
        {
            await using var callbacks = await rig.JoinCallbackSiloAsync();
            var grain = await PacedStep.RunAsync(rig, Collection + GrainRouteFigures.CollectionSuffix, options.Rate, options.Seconds, JobPlan.GrainRoute);
            grain.AddTo(report, GrainRouteFigures.Prefix);
        }
        return report;
    }
}
