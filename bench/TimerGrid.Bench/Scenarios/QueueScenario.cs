using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Reporting;
using TimerGrid.Bench.Targets;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// Pull queues (seed 002), after a warm-up round of 1,000 jobs: for 8, then 64 workers long-polling <c>/want_job</c>
/// and completing each job while 16 producers POST <c>/jobs</c>, enqueues/s, dequeues/s and enqueue→dequeue latency;
/// then a backlog drained by 32 workers (dequeues/s, take + complete); then 8 blocked workers while jobs come at 1,000/s (enqueue→taken latency);
/// then native jobs routed to a queue, trigger time → taken; last, a backlog drained once its grains have been collected
/// (older than the node's <c>TimerGrid:Queues:IdleActivation</c>: each take reads its job's row). Every job must be
/// taken exactly once.
/// </summary>
internal sealed class QueueScenario : IScenario
{
    private const int Producers = 16;
    private const int DrainWorkers = 32;
    private const int PacedPerSecond = 1000;
    private const int WarmupJobs = 1000;
    private static readonly TimeSpan TierUp = TimeSpan.FromSeconds(5);
    private static readonly int[] WorkerCounts = [8, 64];

    public string Name => "queue";

    public async Task<Report> RunAsync(BenchRig rig, BenchOptions options)
    {
        var report = new Report(Name, rig.Target);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = rig.Node.Url, Timeout = TimeSpan.FromSeconds(60) };
        // Not reported: without it the first target of a run paid for the JIT of the load generator's queue code and the node's.
        await RoundAsync(new Report(Name, rig.Target), "warmup_", WorkerCounts[0], WarmupJobs, (n, stamp) => EnqueueAsync(http, "bench-warmup", n, stamp), http, "bench-warmup");
        await Task.Delay(TierUp);   // the JIT optimizes hot methods in the background
        foreach (var workers in WorkerCounts)
        {
            await RoundAsync(report, $"k{workers}_", workers, options.Jobs, (n, stamp) => EnqueueAsync(http, $"bench-{workers}", n, stamp), http, $"bench-{workers}");
        }
        await RoundAsync(report, $"drain{DrainWorkers}_", DrainWorkers, options.Jobs, (n, stamp) => EnqueueAsync(http, "bench-drain", n, stamp), http, "bench-drain",
            Pace.Backlog);
        await RoundAsync(report, $"paced{WorkerCounts[0]}_", WorkerCounts[0], options.Jobs, (n, stamp) => EnqueueAsync(http, "bench-paced", n, stamp), http, "bench-paced",
            Pace.PerSecond);
        using (var route = await http.PostAsync("/route/default", Json("""{"id":"bench-native","type":"QUEUE"}""")))
        {
            route.EnsureSuccessStatusCode();
        }
        await RoundAsync(report, "native_", WorkerCounts[0], options.Jobs, (n, stamp) => CreateNativeAsync(http, n, stamp), http, "bench-native");
        if (rig.Target is not TimerGridTarget { FromBaselineBuild: true })
        {
            // An older build keeps a queue job's grain for Orleans' 15 minutes.
            await RoundAsync(report, $"aged_drain{DrainWorkers}_", DrainWorkers, options.Jobs, (n, stamp) => EnqueueAsync(http, "bench-aged", n, stamp), http, "bench-aged",
                Pace.Backlog, () => BacklogCollectedAsync(rig.Node.Url, options.Jobs, report));
        }
        return report;
    }

    /// <param name="enqueue">Enqueues job n whose params carry the stamp (epoch ms) its latency is measured from.</param>
    /// <param name="pace">How producers go: as fast as they can beside the workers, all before the workers start, or at <see cref="PacedPerSecond"/>.</param>
    /// <param name="beforeTaking">What a backlog waits for before the workers start.</param>
    private static async Task RoundAsync(Report report, string prefix, int workers, int jobs, Func<int, long, Task<bool>> enqueue, HttpClient http, string queue,
        Pace pace = Pace.AsFastAsTheyCan, Func<Task>? beforeTaking = null)
    {
        var taken = new ConcurrentDictionary<int, double>();
        var duplicates = 0;
        var producing = true;
        var errors = 0;
        Task Produce() => ProduceAsync(jobs, enqueue, pace, () => Interlocked.Increment(ref errors));
        var produced = Stopwatch.StartNew();
        if (pace == Pace.Backlog)
        {
            await Produce();
        }
        var backlogSeconds = produced.Elapsed.TotalSeconds;
        if (beforeTaking is not null)
        {
            await beforeTaking();
        }
        var clock = Stopwatch.StartNew();
        var pollers = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var stillProducing = Volatile.Read(ref producing);
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/want_job?queue={queue}");
                request.Headers.Add("X-Accepted-Block-For", "1");
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var job = await response.Content.ReadFromJsonAsync<JsonElement>();
                    var parameters = job.GetProperty("params");
                    var latency = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - parameters.GetProperty("t").GetInt64();
                    if (!taken.TryAdd(parameters.GetProperty("n").GetInt32(), latency))
                    {
                        Interlocked.Increment(ref duplicates);
                    }
                    using var done = await http.PutAsync($"/jobs/{job.GetProperty("id").GetString()}", Json("""{"status":"done","result":null}"""));
                }
                else if (!stillProducing)
                {
                    return;
                }
            }
        })).ToArray();
        if (pace != Pace.Backlog)
        {
            await Produce();
        }
        var enqueueSeconds = pace == Pace.Backlog ? backlogSeconds : produced.Elapsed.TotalSeconds;
        Volatile.Write(ref producing, false);
        await Task.WhenAll(pollers);
        var latency = LatenessSummary.Of(taken.Values);
        report.Add(prefix + "jobs", jobs);
        report.Add(prefix + "enqueue_per_s", jobs / enqueueSeconds);
        report.Add(prefix + "dequeue_per_s", taken.Count / clock.Elapsed.TotalSeconds);
        report.Add(prefix + "latency_p50_ms", latency?.P50 ?? 0);
        report.Add(prefix + "latency_p99_ms", latency?.P99 ?? 0);
        report.Add(prefix + "missing", jobs - errors - taken.Count);
        report.Add(prefix + "dup", duplicates);
        report.Add(prefix + "errors", errors);
        Console.Error.WriteLine($"   {prefix}: {jobs} jobs, {workers} workers, {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// Waits until the node holds fewer grain activations than a tenth of the backlog: its queue jobs' grains were
    /// collected (their idle time passed), so every take activates its job and reads its row, as after a restart.
    /// </summary>
    private static async Task BacklogCollectedAsync(Uri node, int backlog, Report report)
    {
        var waited = Stopwatch.StartNew();
        var deadline = TimeSpan.FromMinutes(20);
        double activations;
        while ((activations = (await NodeMetrics.ReadAsync(node)).Sum("orleans_catalog_activations")) >= backlog / 10.0)
        {
            if (waited.Elapsed > deadline)
            {
                throw new TimeoutException($"{activations} activations after {deadline.TotalMinutes} min: the backlog's grains were not collected");
            }
            await Task.Delay(TimeSpan.FromSeconds(5));
        }
        report.Add("aged_wait_s", waited.Elapsed.TotalSeconds);
        Console.Error.WriteLine($"   the backlog's grains were collected after {waited.Elapsed.TotalSeconds:F0} s ({activations} activations left)");
    }

    private static Task ProduceAsync(int jobs, Func<int, long, Task<bool>> enqueue, Pace pace, Action failed)
    {
        var start = Stopwatch.StartNew();
        return Parallel.ForEachAsync(Enumerable.Range(0, jobs), new ParallelOptions { MaxDegreeOfParallelism = Producers }, async (n, _) =>
        {
            if (pace == Pace.PerSecond && TimeSpan.FromSeconds((double)n / PacedPerSecond) - start.Elapsed is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            if (!await enqueue(n, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()))
            {
                failed();
            }
        });
    }

    private static async Task<bool> EnqueueAsync(HttpClient http, string queue, int n, long stamp)
    {
        using var response = await http.PostAsync("/jobs", Json($$$"""{"queue":"{{{queue}}}","params":{"n":{{{n}}},"t":{{{stamp}}}}}"""));
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    /// <summary>A native job due now, routed to a queue: its latency runs from its trigger time.</summary>
    private static async Task<bool> CreateNativeAsync(HttpClient http, int n, long stamp)
    {
        using var response = await http.PostAsync("/job/default/bench", Json($$$"""{"id":"n{{{n}}}","trigger_time":{{{stamp}}},"meta":{"n":{{{n}}},"t":{{{stamp}}}},"route":"bench-native"}"""));
        return response.IsSuccessStatusCode;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private enum Pace { AsFastAsTheyCan, Backlog, PerSecond }
}
