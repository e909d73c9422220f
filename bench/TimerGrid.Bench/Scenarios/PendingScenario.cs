using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// M jobs due in 30 days: what they cost in creation time, memory, disk and idle CPU; whether a burst
/// still fires on time beside them; how fast the node restarts on them after kill -9.
/// </summary>
internal sealed class PendingScenario : IScenario
{
    private const string Collection = "pending";
    private const string ProbeCollection = "probe";
    private const double MiB = 1024 * 1024;

    public string Name => "pending";

    public async Task<Report> RunAsync(BenchRig rig, BenchOptions options)
    {
        var report = new Report(Name, rig.Target);
        var idleWindow = options.Idle;
        var idleAfterRestartWindow = options.Idle / 2;
        var node = rig.Node;
        var rssBefore = ProcessStats.RssBytes(node.Pid);
        // Due over one hour, 30 days from now.
        var due = EpochClock.Now + (long)TimeSpan.FromDays(30).TotalMilliseconds;
        var batch = await rig.Driver.CreateJobsAsync(new JobPlan(Collection, options.Pending, i => due + 3_600_000L * i / options.Pending));
        var rssAfter = ProcessStats.RssBytes(node.Pid);
        Console.Error.WriteLine($"   {batch.Acknowledged} pending jobs created in {batch.Elapsed.TotalSeconds:F0} s ({batch.PerSecond:F0} jobs/s)");
        report.AddCreation(batch);
        report.Add("rss_before_mb", rssBefore / MiB);
        report.Add("rss_after_create_mb", rssAfter / MiB);
        report.Add("rss_per_pending_job_bytes", (rssAfter - rssBefore) / (double)batch.Acknowledged);
        report.Add("db_mb", await rig.Storage.SizeBytesAsync() / MiB);

        Console.Error.WriteLine($"   measuring idle CPU for {idleWindow.TotalSeconds:F0} s");
        report.Add("idle_cpu_pct", await CpuSample.OverAsync(node.Pid, idleWindow));
        report.Add("rss_after_idle_mb", ProcessStats.RssBytes(node.Pid) / MiB);

        var probe = await BurstRound.CreateAsync(rig, ProbeCollection, options.Jobs, null, TimeSpan.FromSeconds(3));
        report.Add("burst_create_per_s", probe.PerSecond);
        report.AddFiring(await FiringOutcome.AwaitAsync(rig.Receiver.For(ProbeCollection), probe, probe.LastTriggerTime + 60_000), "burst_");

        node.Kill();
        var toHealthy = await node.StartAsync();
        Console.Error.WriteLine($"   killed and restarted: /healthz answered in {toHealthy.TotalSeconds:F2} s; idle CPU for {idleAfterRestartWindow.TotalSeconds:F0} s");
        report.Add("restart_to_healthz_s", toHealthy.TotalSeconds);
        report.Add("idle_cpu_after_restart_pct", await CpuSample.OverAsync(node.Pid, idleAfterRestartWindow));
        report.Add("rss_after_restart_mb", ProcessStats.RssBytes(node.Pid) / MiB);
        return report;
    }
}
