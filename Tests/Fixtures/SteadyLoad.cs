using System.Collections.Concurrent;
using System.Diagnostics;

namespace TimerGrid.Tests.Fixtures;

/// <summary>Creates jobs at a steady rate through the REST API, each due a few seconds later, and records which were acknowledged.</summary>
public sealed class SteadyLoad(HttpClient http, string db, int jobsPerSecond, TimeSpan duration, TimeSpan dueAfter)
{
    public ConcurrentDictionary<string, long> Acknowledged { get; } = new();

    public int Refused => _refused;

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
        var trigger = TimerGridClient.Now + (long)dueAfter.TotalMilliseconds;
        try
        {
            var response = await http.PostJsonAsync($"/job/{db}/c", $$"""{"id":"{{id}}","trigger_time":{{trigger}},"meta":{},"route":"r"}""");
            if (response.IsSuccessStatusCode)
            {
                Acknowledged[id] = trigger;
                return;
            }
        }
        catch (HttpRequestException)
        {
            // counted below: not acknowledged, so nothing is owed
        }
        Interlocked.Increment(ref _refused);
    }
}
