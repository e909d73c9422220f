using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Targets;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// M jobs due in 30 days: what they cost in creation time, memory, disk and idle CPU; whether a burst still fires on
/// time beside them; how fast the node restarts on them after kill -9 and fires its first job; how fast TimerGrid's
/// listing answers at that size. TimerGrid creates them through its batch endpoint (a baseline build without one and
/// the peers through the load driver).
/// </summary>
internal sealed class PendingScenario : IScenario
{
    private const string Collection = "pending";
    private const string ProbeCollection = "probe";
    private const string AfterRestartCollection = "afterrestart";
    private const int BatchSize = 1000;
    private const int BatchesInFlight = 4;
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
        var batch = await CreateAsync(rig, new JobPlan(Collection, options.Pending, i => due + 3_600_000L * i / options.Pending));
        var rssAfter = ProcessStats.RssBytes(node.Pid);
        Console.Error.WriteLine($"   {batch.Acknowledged} pending jobs created in {batch.Elapsed.TotalSeconds:F0} s ({batch.PerSecond:F0} jobs/s)");
        report.AddCreation(batch);
        report.Add("rss_before_mb", rssBefore / MiB);
        report.Add("rss_after_create_mb", rssAfter / MiB);
        report.Add("rss_per_pending_job_bytes", (rssAfter - rssBefore) / (double)batch.Acknowledged);
        var onDisk = await rig.Storage.SizeBytesAsync();
        report.Add("db_mb", onDisk / MiB);
        report.Add("disk_per_pending_job_bytes", onDisk / (double)batch.Acknowledged);
        if (options.QuietLoad is { } quiet)
        {
            await QuietMachine.WaitAsync(quiet);
        }

        Console.Error.WriteLine($"   measuring idle CPU for {idleWindow.TotalSeconds:F0} s");
        report.Add("idle_cpu_pct", await CpuSample.OverAsync(node.Pid, idleWindow));
        report.Add("rss_after_idle_mb", ProcessStats.RssBytes(node.Pid) / MiB);

        var probe = await BurstRound.CreateAsync(rig, ProbeCollection, options.Jobs, null, TimeSpan.FromSeconds(3));
        report.Add("burst_create_per_s", probe.PerSecond);
        report.AddFiring(await FiringOutcome.AwaitAsync(rig.Receiver.For(ProbeCollection), probe, probe.LastTriggerTime + 60_000), "burst_");

        node.Kill();
        var toHealthy = await node.StartAsync();
        report.Add("restart_to_healthz_s", toHealthy.TotalSeconds);
        var first = await FirstFiringAsync(rig);
        report.Add("restart_to_first_firing_s", (toHealthy + first.Elapsed).TotalSeconds);
        report.AddFiring(first.Outcome, "after_restart_");
        Console.Error.WriteLine($"   killed and restarted: /healthz answered in {toHealthy.TotalSeconds:F2} s, a job due 1 s later arrived " +
            $"{first.Elapsed.TotalSeconds:F2} s after that; idle CPU for {idleAfterRestartWindow.TotalSeconds:F0} s");
        report.Add("idle_cpu_after_restart_pct", await CpuSample.OverAsync(node.Pid, idleAfterRestartWindow));
        report.Add("rss_after_restart_mb", ProcessStats.RssBytes(node.Pid) / MiB);
        // The node as it runs for weeks: restarted on the M jobs, its start-up work done, its heap the size they leave.
        if (options.QuietLoad is { } settled)
        {
            await QuietMachine.WaitAsync(settled);
        }
        Console.Error.WriteLine($"   measuring the restarted node's idle CPU for {idleWindow.TotalSeconds:F0} s");
        report.Add("idle_cpu_settled_pct", await CpuSample.OverAsync(node.Pid, idleWindow));
        if (rig.Target is TimerGridTarget)
        {
            await TimeListingAsync(rig, report);
        }
        return report;
    }

    private static async Task<JobBatch> CreateAsync(BenchRig rig, JobPlan plan)
    {
        if (rig.Target is not TimerGridTarget { FromBaselineBuild: false })
        {
            return await rig.Driver.CreateJobsAsync(plan);
        }
        using var creator = new BatchCreator(rig.Node.Url, BatchSize, BatchesInFlight);
        return await creator.CreateAsync(plan);
    }

    /// <summary>One job created right after the restart, due a second later: how long until the node fires on time again.</summary>
    private static async Task<(FiringOutcome Outcome, TimeSpan Elapsed)> FirstFiringAsync(BenchRig rig)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var job = await rig.Driver.CreateJobsAsync(JobPlan.WithinOneSecond(AfterRestartCollection, 1, EpochClock.Now + 1_000));
        var log = rig.Receiver.For(AfterRestartCollection);
        await log.WaitForAsync(job.Acknowledged, job.LastTriggerTime + 60_000);
        return (FiringOutcome.Of(log, job), started.Elapsed);
    }

    private static async Task TimeListingAsync(BenchRig rig, Report report)
    {
        const int Repeats = 10, PageSize = 10;
        using var probe = new ListingProbe(rig.Node.Url);
        var list = $"/job/{JobPlan.Db}/{Collection}";
        var (page1Ms, page1) = await probe.TimeAsync($"{list}?pagesize={PageSize}", Repeats);
        report.AddLatencies("listing_page1", page1Ms);
        if (page1.GetProperty("next_cursor").GetString() is { } cursor)
        {
            report.AddLatencies("listing_cursor", (await probe.TimeAsync($"{list}?cursor={Uri.EscapeDataString(cursor)}&pagesize={PageSize}", Repeats)).Ms);
        }
        var deepPage = Math.Clamp(page1.GetProperty("count").GetInt64() / PageSize, 1, 10_000);
        report.AddLatencies("listing_deep_page", (await probe.TimeAsync($"{list}?page={deepPage}&pagesize={PageSize}", Repeats)).Ms);
        report.AddLatencies("listing_count", (await probe.TimeAsync($"/job/{JobPlan.Db}", Repeats)).Ms);
    }
}
