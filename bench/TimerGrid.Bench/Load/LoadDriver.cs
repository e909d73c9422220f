using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace TimerGrid.Bench.Load;

/// <summary>Creates routes and jobs over the REST API from many concurrent workers on keep-alive connections.</summary>
internal sealed class LoadDriver(Uri node) : IDisposable
{
    private const int Workers = 48;
    private const int ErrorsShown = 20;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 64,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    { BaseAddress = node, Timeout = TimeSpan.FromSeconds(60) };

    private int _errorsShown;

    public async Task CreateRouteAsync(Uri webhook)
    {
        var body = JsonSerializer.Serialize(new { id = JobPlan.Route, type = "REST", webhook_url = webhook.ToString() });
        using var response = await _http.PostAsync($"/route/{JobPlan.Db}", new StringContent(body, Encoding.UTF8, "application/json"));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"POST /route/{JobPlan.Db} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async Task<JobBatch> CreateJobsAsync(JobPlan plan)
    {
        var acknowledged = new bool[plan.Count];
        var next = -1;
        var errors = 0;
        var done = 0;
        var elapsed = Stopwatch.StartNew();
        using var stopProgress = new CancellationTokenSource();
        var progress = ReportProgressAsync(plan, () => Volatile.Read(ref done), elapsed, stopProgress.Token);

        async Task<double> WorkAsync()
        {
            var minLead = double.MaxValue;
            for (var i = Interlocked.Increment(ref next); i < plan.Count; i = Interlocked.Increment(ref next))
            {
                var triggerTime = plan.TriggerTime(i);
                if (plan.Lead is { } lead)
                {
                    await EpochClock.UntilAsync(triggerTime - (long)lead.TotalMilliseconds);
                }
                if (await CreateJobAsync(plan, i, triggerTime))
                {
                    acknowledged[i] = true;
                    minLead = Math.Min(minLead, triggerTime - EpochClock.NowPrecise);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
                Interlocked.Increment(ref done);
            }
            return minLead;
        }

        var leads = await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkAsync)));
        elapsed.Stop();
        await stopProgress.CancelAsync();
        await progress;
        if (errors > 0)
        {
            Console.Error.WriteLine($"   {errors} of {plan.Count} job creations failed in {plan.Collection}");
        }
        return new JobBatch(plan, acknowledged, errors, elapsed.Elapsed, leads.Min());
    }

    private async Task<bool> CreateJobAsync(JobPlan plan, int index, long triggerTime)
    {
        var body = $$"""{"id":"{{JobPlan.Id(index)}}","trigger_time":{{triggerTime}},"meta":{"n":{{index}}},"route":"{{JobPlan.Route}}"}""";
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync($"/job/{JobPlan.Db}/{plan.Collection}", content);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return true;
            }
            ShowError(plan, index, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            ShowError(plan, index, $"{e.GetType().Name}: {e.Message}");
        }
        return false;
    }

    private void ShowError(JobPlan plan, int index, string what)
    {
        if (Interlocked.Increment(ref _errorsShown) <= ErrorsShown)
        {
            Console.Error.WriteLine($"   error: POST /job/{JobPlan.Db}/{plan.Collection} {JobPlan.Id(index)} → {what}");
        }
    }

    private static async Task ReportProgressAsync(JobPlan plan, Func<int> done, Stopwatch elapsed, CancellationToken stop)
    {
        using var ticks = new PeriodicTimer(ProgressEvery);
        try
        {
            while (await ticks.WaitForNextTickAsync(stop))
            {
                var count = done();
                Console.Error.WriteLine($"   {plan.Collection}: {count}/{plan.Count} created, {count / elapsed.Elapsed.TotalSeconds:F0} jobs/s");
            }
        }
        catch (OperationCanceledException)
        {
            // creation finished
        }
    }

    public void Dispose() => _http.Dispose();
}
