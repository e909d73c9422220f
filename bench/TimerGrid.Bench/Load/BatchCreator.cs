using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace TimerGrid.Bench.Load;

/// <summary>
/// Creates a <see cref="JobPlan"/> through TimerGrid's batch endpoint (<c>POST /job/{db}/{collection}/batch</c>), a
/// batch of up to 1,000 jobs per request, a few requests in flight: how game backends and payment systems create timers
/// by the thousand. A job counts as acknowledged when its entry in the answer says <c>ok</c>.
/// </summary>
internal sealed class BatchCreator(Uri node, int batchSize, int concurrency) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = node, Timeout = TimeSpan.FromMinutes(2) };

    public async Task<JobBatch> CreateAsync(JobPlan plan)
    {
        var acknowledged = new bool[plan.Count];
        var errors = 0;
        var nextBatch = -1;
        var elapsed = Stopwatch.StartNew();
        async Task WorkAsync()
        {
            for (var b = Interlocked.Increment(ref nextBatch); b * batchSize < plan.Count; b = Interlocked.Increment(ref nextBatch))
            {
                var first = b * batchSize;
                var count = Math.Min(batchSize, plan.Count - first);
                var failed = await SendAsync(plan, first, count, acknowledged);
                Interlocked.Add(ref errors, failed);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkAsync)));
        elapsed.Stop();
        var minLead = Enumerable.Range(0, plan.Count).Where(i => acknowledged[i]).Select(i => (double)plan.TriggerTime(i)).DefaultIfEmpty(0).Min() - EpochClock.NowPrecise;
        return new JobBatch(plan, acknowledged, errors, 0, elapsed.Elapsed, minLead);
    }

    /// <summary>One request; the number of its jobs not acknowledged.</summary>
    private async Task<int> SendAsync(JobPlan plan, int first, int count, bool[] acknowledged)
    {
        var body = new StringBuilder("{\"jobs\":[");
        for (var i = first; i < first + count; i++)
        {
            body.Append(i == first ? "" : ",")
                .Append($$"""{"id":"{{JobPlan.Id(i)}}","trigger_time":{{plan.TriggerTime(i)}},"meta":{"n":{{i}}},"route":"{{plan.Route}}"}""");
        }
        body.Append("]}");
        using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync($"/job/{JobPlan.Db}/{plan.Collection}/batch", content);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"   batch at {first}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return count;
        }
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var failed = 0;
        var index = first;
        foreach (var result in answer.RootElement.GetProperty("results").EnumerateArray())
        {
            var ok = result.TryGetProperty("status", out var status) && status.GetString() == "ok";
            acknowledged[index++] = ok;
            failed += ok ? 0 : 1;
        }
        return failed;
    }

    public void Dispose() => _http.Dispose();
}
