using TimerGrid.Bench.Load;
using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// Batch creation (TimerGrid only, REST): single creates first, for the ratio in the same run; then --pending jobs due
/// 30 days ahead through the batch endpoint (1,000 a request, 4 requests in flight); then a burst of --jobs due within
/// one second, created by batch 5 s ahead: how long creation took and how late the burst fired.
/// </summary>
internal sealed class BulkScenario : IScenario
{
    private const int BatchSize = 1000;
    private const int Concurrency = 4;
    private const int SingleCreates = 20_000;

    public string Name => "bulk";

    public async Task<Report> RunAsync(BenchRig rig, BenchOptions options)
    {
        var report = new Report(Name, rig.Target);
        var due = EpochClock.Now + (long)TimeSpan.FromDays(30).TotalMilliseconds;
        var single = await rig.Driver.CreateJobsAsync(new JobPlan("single", SingleCreates, i => due + i));
        Console.Error.WriteLine($"   single creates: {single.Acknowledged} in {single.Elapsed.TotalSeconds:F1} s ({single.PerSecond:F0} jobs/s)");
        report.AddCreation(single, "single_");

        using var creator = new BatchCreator(rig.Node.Url, BatchSize, Concurrency);
        var bulk = await creator.CreateAsync(new JobPlan("bulk", options.Pending, i => due + 3_600_000L * i / options.Pending));
        Console.Error.WriteLine($"   batch creates: {bulk.Acknowledged} in {bulk.Elapsed.TotalSeconds:F1} s ({bulk.PerSecond:F0} jobs/s)");
        report.AddCreation(bulk, "batch_");
        report.Add("batch_vs_single", bulk.PerSecond / single.PerSecond);

        var burst = await creator.CreateAsync(JobPlan.WithinOneSecond("bulkburst", options.Jobs, EpochClock.Now + 5_000));
        Console.Error.WriteLine($"   burst by batch: {burst.Acknowledged} created in {burst.Elapsed.TotalSeconds:F2} s, {burst.MinLeadMs / 1000:F1} s before the first was due");
        report.AddCreation(burst, "burst_");
        report.AddFiring(await FiringOutcome.AwaitAsync(rig.Receiver.For("bulkburst"), burst, burst.LastTriggerTime + 120_000), "burst_");
        return report;
    }
}
