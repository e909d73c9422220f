using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace TimerGrid.Tests.Fixtures;

/// <summary>Creates jobs at a steady rate through the REST API, each due a few seconds later, and records which were acknowledged.</summary>
public sealed class SteadyLoad(HttpClient http, string db, int jobsPerSecond, TimeSpan duration, TimeSpan dueAfter)
{
    public ConcurrentDictionary<string, long> Acknowledged { get; } = new();

    public int Refused => _refused;

    /// <summary>Every create's answer, in no particular order.</summary>
    public ConcurrentBag<LoadAnswer> Answers { get; } = [];

    private int _refused;

    public async Task RunAsync()
    {
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>();
        for (var n = 0; clock.Elapsed < duration; n++)
        {
            var dueAt = clock.Elapsed.TotalMilliseconds * jobsPerSecond / 1000;
            if (n > dueAt)
            {
                await Task.Delay(TimeSpan.FromMilliseconds((n - dueAt) * 1000 / jobsPerSecond));
            }
            inFlight.Add(CreateAsync($"j{n}"));
        }
        await Task.WhenAll(inFlight);
    }

    private async Task CreateAsync(string id)
    {
        var trigger = RestCalls.Now + (long)dueAfter.TotalMilliseconds;
        var sentAt = RestCalls.Now;
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.PostJsonAsync($"/job/{db}/c", $$"""{"id":"{{id}}","trigger_time":{{trigger}},"meta":{},"route":"r"}""");
            var code = response.IsSuccessStatusCode ? null : await CodeOfAsync(response);
            Answers.Add(new LoadAnswer(id, sentAt, clock.ElapsedMilliseconds, (int)response.StatusCode, code, response.Headers.RetryAfter is not null));
            if (response.IsSuccessStatusCode)
            {
                Acknowledged[id] = trigger;
                return;
            }
        }
        catch (HttpRequestException)
        {
            // counted below: not acknowledged, so nothing is owed
            Answers.Add(new LoadAnswer(id, sentAt, clock.ElapsedMilliseconds, 0, null, false));
        }
        Interlocked.Increment(ref _refused);
    }

    private static async Task<string?> CodeOfAsync(HttpResponseMessage response)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync<JsonElement>();
            return error.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
