using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// R jobs/s due continuously for D seconds, each created <see cref="Lead"/> before it is due: in steady
/// state the node creates and fires R jobs/s at once.
/// </summary>
internal sealed class SpreadScenario : IScenario
{
    private const string Collection = "spread";
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(6);

    public string Name => "spread";

    public async Task<Report> RunAsync(BenchRig rig, BenchOptions options)
    {
        var report = new Report(Name, rig.Target);
        var pid = rig.Node.Pid;
        var rate = options.Rate;
        var firstDue = EpochClock.Now + (long)Lead.TotalMilliseconds;
        var plan = new JobPlan(Collection, rate * options.Seconds, i => firstDue + 1000L * i / rate, Lead);
        Console.Error.WriteLine($"   {plan.Count} jobs, {rate}/s due for {options.Seconds} s, each created {Lead.TotalSeconds:F0} s ahead");

        var runStart = CpuSample.Take(pid);
        var creating = rig.Driver.CreateJobsAsync(plan);
        await EpochClock.UntilAsync(firstDue);
        var bothStart = CpuSample.Take(pid);   // from now on the node fires while it creates
        var batch = await creating;
        var bothEnd = CpuSample.Take(pid);
        report.AddCreation(batch);
        report.Add("min_lead_ms", batch.MinLeadMs);

        var log = rig.Receiver.For(Collection);
        var deadline = batch.LastTriggerTime + 60_000;
        await log.WaitForAsync(batch.Acknowledged, deadline);
        var runEnd = CpuSample.Take(pid);
        var outcome = await FiringOutcome.AwaitAsync(log, batch, deadline);
        report.AddFiring(outcome);
        if (options.Seconds * 1000 > Lead.TotalMilliseconds)
        {
            report.Add("node_cpu_create_and_fire_pct", bothStart.PercentUntil(bothEnd));
        }
        report.Add("node_cpu_run_pct", runStart.PercentUntil(runEnd));
        return report;
    }
}
