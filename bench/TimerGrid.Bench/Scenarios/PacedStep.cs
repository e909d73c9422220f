using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// R jobs/s due continuously for D seconds in one collection, each created <see cref="Lead"/> before it
/// is due: in steady state the node creates and fires R jobs/s at once. <c>spread</c> is one such step;
/// <c>capacity</c> runs them at increasing rates.
/// </summary>
/// <param name="CpuCreateAndFirePct">The node's CPU (a cluster's: all its processes') from the first due time to the end of creation; null when creation ended before the first job was due (D ≤ lead).</param>
/// <param name="CostPerJob">What the target's processes and its PostgreSQL server spent per job, from before creation until the step's webhooks (and their duplicates' grace) were in.</param>
internal sealed record PacedStep(JobBatch Batch, FiringOutcome Outcome, double? CpuCreateAndFirePct, double CpuRunPct, IReadOnlyList<KeyValuePair<string, double>> CostPerJob)
{
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(6);

    /// <summary>How long after the last job was due its webhooks may still come.</summary>
    private const long ArrivalGraceMs = 60_000;

    /// <summary>Creates the step's jobs, delivering to <paramref name="route"/>, then waits for their firings (until 60 s after the last was due).</summary>
    public static async Task<PacedStep> RunAsync(BenchRig rig, string collection, int rate, int seconds, string route = JobPlan.WebhookRoute)
    {
        var pids = rig.Pids;
        var firstDue = EpochClock.Now + (long)Lead.TotalMilliseconds;
        var plan = new JobPlan(collection, rate * seconds, i => firstDue + 1000L * i / rate, Lead) { Route = route };
        Console.Error.WriteLine($"   {collection}: {plan.Count} jobs, {rate}/s due for {seconds} s, each created {Lead.TotalSeconds:F0} s ahead");

        var costStart = await rig.Costs.SampleAsync();
        var runStart = CpuSample.Take(pids);
        var creating = rig.Driver.CreateJobsAsync(plan);
        await EpochClock.UntilAsync(firstDue);
        var bothStart = CpuSample.Take(pids);   // from now on the node fires while it creates
        var batch = await creating;
        var bothEnd = CpuSample.Take(pids);

        var log = rig.Receiver.For(collection);
        var deadline = batch.LastTriggerTime + ArrivalGraceMs;
        await log.WaitForAsync(batch.Acknowledged, deadline);
        var runEnd = CpuSample.Take(pids);
        var outcome = await FiringOutcome.AwaitAsync(log, batch, deadline);
        Console.Error.WriteLine($"   {collection}: latest (due s after the first: ms late) {LatestArrivals(log, firstDue)}");
        var costEnd = await rig.Costs.SampleAsync();
        return new PacedStep(
            batch,
            outcome,
            seconds * 1000 > Lead.TotalMilliseconds ? bothStart.PercentUntil(bothEnd) : null,
            runStart.PercentUntil(runEnd),
            [.. rig.Costs.PerJob(costStart, costEnd, batch.Acknowledged)]);
    }

    /// <summary>When the five latest webhooks were due, to place a stall in time against the node's log.</summary>
    private static string LatestArrivals(ArrivalLog log, long firstDue) =>
        string.Join(", ", log.Snapshot().OrderByDescending(a => a.LatenessMs).Take(5)
            .Select(a => $"{(a.TriggerTime - firstDue) / 1000.0:F2}: {a.LatenessMs:F0}"));

    /// <summary>The step's figures, each named with <paramref name="prefix"/>: creation, <c>min_lead_ms</c>, firing, the node's CPU, the cost per job.</summary>
    public void AddTo(Report report, string prefix = "")
    {
        report.AddCreation(Batch, prefix);
        report.Add(prefix + "min_lead_ms", Batch.MinLeadMs);
        report.AddFiring(Outcome, prefix);
        if (CpuCreateAndFirePct is { } both)
        {
            report.Add(prefix + "node_cpu_create_and_fire_pct", both);
        }
        report.Add(prefix + "node_cpu_run_pct", CpuRunPct);
        foreach (var (key, value) in CostPerJob)
        {
            report.Add(prefix + key, value);
        }
    }
}
