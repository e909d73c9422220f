using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace TimerGrid.Bench.Scenarios;

/// <summary>The REST calls of the listing scenario: the jobs it fails on purpose, and listing requests timed as a client sees them.</summary>
internal sealed class ListingProbe(Uri node) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = node, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>GETs <paramref name="path"/> <paramref name="repeats"/> times: the durations in ms and the last answer.</summary>
    public async Task<(double[] Ms, JsonElement Body)> TimeAsync(string path, int repeats)
    {
        var ms = new double[repeats];
        var body = default(JsonElement);
        for (var i = 0; i < repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            body = await GetAsync(path);
            ms[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        return (ms, body);
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new InvalidOperationException($"GET {path} → {(int)response.StatusCode} {text}");
    }

    /// <summary>
    /// Creates <paramref name="count"/> jobs (ids f0, f1…) due in a few seconds into a route it deletes at once, so each
    /// ends <c>failed</c> on its first attempt (the route no longer exists) while the bulk of the collection is created.
    /// </summary>
    public async Task CreateFailingJobsAsync(string db, string collection, int count)
    {
        await SendAsync(HttpMethod.Post, $"/route/{db}", """{"id":"doomed","type":"REST","webhook_url":"http://127.0.0.1:9/never"}""");
        var due = EpochClock.Now + 5_000 + 2L * count;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await SendAsync(HttpMethod.Post, $"/job/{db}/{collection}", $$"""{"id":"f{{i}}","trigger_time":{{due}},"meta":{},"route":"doomed"}""");
            }
        })));
        await SendAsync(HttpMethod.Delete, $"/route/{db}/doomed", null);
    }

    private async Task SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await _http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{method} {path} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => _http.Dispose();
}
