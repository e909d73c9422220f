using TimerGrid.Bench.Load;
using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Targets;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// One collection of M jobs (<c>--pending</c>, due over an hour 30 days ahead), K of them failed (<c>--jobs</c>): how long
/// the listing API answers, as a client sees it over HTTP: page 1, page 10,000 by number, cursor pages at the start, in
/// the middle and at the end, the count alone (<c>GET /job/{db}</c>), and the failed jobs among all. Each request is
/// repeated; the figures are the median and the slowest. Not part of <c>all</c>: it measures reads, not firing.
/// </summary>
internal sealed class ListingScenario : IScenario
{
    private const string Collection = "listing";
    private const int PageSize = 10;
    private const int DeepPage = 10_000;
    private const int Repeats = 20;
    private static readonly TimeSpan FailWithin = TimeSpan.FromMinutes(2);

    public string Name => "listing";

    public async Task<Report> RunAsync(BenchRig rig, BenchOptions options)
    {
        if (rig.Target is not TimerGridTarget)
        {
            throw new InvalidOperationException($"listing measures TimerGrid's listing API; {rig.Target.Name} has none");
        }
        var report = new Report(Name, rig.Target);
        using var probe = new ListingProbe(rig.Node.Url);
        var failed = Math.Min(options.Jobs, options.Pending);
        await probe.CreateFailingJobsAsync(JobPlan.Db, Collection, failed);
        var bulk = options.Pending - failed;
        var due = EpochClock.Now + (long)TimeSpan.FromDays(30).TotalMilliseconds;
        var batch = await rig.Driver.CreateJobsAsync(new JobPlan(Collection, bulk, i => due + 3_600_000L * i / Math.Max(1, bulk)));
        report.AddCreation(batch);
        var total = batch.Acknowledged + failed;
        var list = $"/job/{JobPlan.Db}/{Collection}";
        await UntilFailedAsync(probe, $"{list}?status=failed&pagesize=1", failed);
        Console.Error.WriteLine($"   {total} jobs listed, {failed} failed; timing the listing ({Repeats} requests each)");

        var lastPage = Math.Max(1, (int)((total + PageSize - 1) / PageSize));
        var deepPage = Math.Min(DeepPage, lastPage);
        var (page1Ms, page1) = await probe.TimeAsync(list, Repeats);
        report.AddLatencies("page1", page1Ms);
        var (deepMs, deep) = await probe.TimeAsync($"{list}?page={deepPage}&pagesize={PageSize}", Repeats);
        report.AddLatencies("deep_page", deepMs);
        var (_, nearEnd) = await probe.TimeAsync($"{list}?page={Math.Max(1, lastPage - 1)}&pagesize={PageSize}", 1);
        var cursorMs = new List<double>();
        foreach (var from in new[] { page1, deep, nearEnd }.Where(p => p.GetProperty("next_cursor").GetString() is not null))
        {
            var cursor = Uri.EscapeDataString(from.GetProperty("next_cursor").GetString()!);
            cursorMs.AddRange((await probe.TimeAsync($"{list}?cursor={cursor}&pagesize={PageSize}", Repeats)).Ms);
        }
        report.AddLatencies("cursor", [.. cursorMs]);
        var (countMs, collections) = await probe.TimeAsync($"/job/{JobPlan.Db}", Repeats);
        report.AddLatencies("count", countMs);
        var (failedMs, failedPage) = await probe.TimeAsync($"{list}?status=failed", Repeats);
        report.AddLatencies("failed_filter", failedMs);

        var counted = collections.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("collection").GetString() == Collection);
        report.AddCheck("count_right", page1.GetProperty("count").GetInt64() == total && counted.GetProperty("count").GetInt64() == total);
        report.AddCheck("failed_count_right", failedPage.GetProperty("count").GetInt64() == failed);
        report.Add("deep_page_number", deepPage);
        return report;
    }

    private static async Task UntilFailedAsync(ListingProbe probe, string path, int failed)
    {
        var deadline = DateTime.UtcNow + FailWithin;
        while ((await probe.GetAsync(path)).GetProperty("count").GetInt64() < failed)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not all {failed} doomed jobs failed within {FailWithin.TotalMinutes} min");
            }
            await Task.Delay(500);
        }
    }
}
