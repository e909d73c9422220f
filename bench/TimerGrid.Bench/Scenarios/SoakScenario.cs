using System.Text;
using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Targets;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// A node under steady load for a long time (<c>--seconds</c>, an hour by default): one-shot jobs at <c>--rate</c>
/// created 6 s before they are due, beside 100 interval jobs firing every 10 s, into a receiver that answers 500 to
/// one webhook in 20. Twelve windows, each with the node's RSS, CPU, database and WAL size, and the lateness of the
/// one-shot jobs due in it (<see cref="SoakSample"/>): whatever grows without bound shows as a drift from the first window to the last. Run it
/// on <c>timergrid-sqlite-short-retention</c> so record and finished-job pruning run too.
/// </summary>
internal sealed class SoakScenario : IScenario
{
    private const string OneShot = "soak";
    private const string Recurring = "soakrec";
    private const int RecurringJobs = 100;
    private const int RecurringEverySeconds = 10;
    private const int FailEvery = 20;
    private const int Windows = 12;
    private const double MiB = 1024 * 1024;

    public string Name => "soak";

    public async Task<Report> RunAsync(BenchRig rig, BenchOptions options)
    {
        var report = new Report(Name, rig.Target);
        var seconds = options.Seconds;
        var window = TimeSpan.FromSeconds(Math.Max(10, seconds / Windows));
        var dataDir = rig.Storage as DataDirStorage ?? throw new InvalidOperationException("soak watches a single node's data dir (SQLite)");
        rig.Receiver.FailEvery(FailEvery);
        try
        {
            await CreateRecurringAsync(rig.Node.Url);
            var firstDue = EpochClock.Now + (long)PacedStep.Lead.TotalMilliseconds;
            var plan = new JobPlan(OneShot, options.Rate * seconds, i => firstDue + 1000L * i / options.Rate, PacedStep.Lead);
            Console.Error.WriteLine($"   {OneShot}: {plan.Count} jobs at {options.Rate}/s for {seconds} s, {RecurringJobs} jobs every {RecurringEverySeconds} s, " +
                $"one webhook in {FailEvery} answered 500; a window every {window.TotalSeconds:F0} s");
            var creating = rig.Driver.CreateJobsAsync(plan);
            await EpochClock.UntilAsync(firstDue);
            var samples = new List<SoakSample>();
            for (var w = 0; w * window.TotalSeconds < seconds; w++)
            {
                samples.Add(await SoakSample.OverWindowAsync(rig, dataDir, firstDue + (long)(w * window.TotalMilliseconds), window));
                Console.Error.WriteLine($"   window {w + 1}: {samples[^1]}");
            }
            var batch = await creating;
            var log = rig.Receiver.For(OneShot);
            var outcome = await FiringOutcome.AwaitAsync(log, batch, batch.LastTriggerTime + 60_000);
            report.AddCreation(batch);
            report.AddFiring(outcome);
            report.Add("recurring_firings", rig.Receiver.For(Recurring).Count + rig.Receiver.For(Recurring).Duplicates);
            AddDrift(report, samples, log.Snapshot());
        }
        finally
        {
            rig.Receiver.FailEvery(0);
        }
        return report;
    }

    private static async Task CreateRecurringAsync(Uri node)
    {
        using var http = new HttpClient { BaseAddress = node };
        for (var i = 0; i < RecurringJobs; i++)
        {
            var body = $$"""{"id":"r{{i}}","schedule":{"interval":{{RecurringEverySeconds}}},"route":"{{JobPlan.WebhookRoute}}"}""";
            using var response = await http.PostAsync($"/job/{JobPlan.Db}/{Recurring}", new StringContent(body, Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
        }
    }

    private static void AddDrift(Report report, List<SoakSample> samples, Arrival[] arrivals)
    {
        var (first, last) = (samples[0], samples[^1]);
        report.Add("rss_first_mb", first.RssBytes / MiB);
        report.Add("rss_last_mb", last.RssBytes / MiB);
        report.Add("db_first_mb", first.DatabaseBytes / MiB);
        report.Add("db_last_mb", last.DatabaseBytes / MiB);
        report.Add("wal_max_mb", samples.Max(s => s.WalBytes) / MiB);
        report.Add("cpu_first_pct", first.CpuPct);
        report.Add("cpu_last_pct", last.CpuPct);
        for (var w = 0; w < samples.Count; w++)
        {
            var due = arrivals.Where(a => a.TriggerTime >= samples[w].FromMs && a.TriggerTime < samples[w].FromMs + samples[w].LengthMs);
            if (LatenessSummary.Of(due.Select(a => a.LatenessMs)) is { } lateness)
            {
                report.Add($"w{w + 1}_lateness_p99_ms", lateness.P99);
            }
            report.Add($"w{w + 1}_rss_mb", samples[w].RssBytes / MiB);
            report.Add($"w{w + 1}_rss_low_mb", samples[w].RssLowBytes / MiB);
            report.Add($"w{w + 1}_rss_high_mb", samples[w].RssHighBytes / MiB);
            report.Add($"w{w + 1}_heap_mb", samples[w].HeapBytes / MiB);
            report.Add($"w{w + 1}_activations", samples[w].Activations);
            report.Add($"w{w + 1}_gc_pause_ms", 1000 * (samples[w].GcPauseSeconds - (w == 0 ? 0 : samples[w - 1].GcPauseSeconds)));
            report.Add($"w{w + 1}_db_mb", samples[w].DatabaseBytes / MiB);
        }
    }
}
