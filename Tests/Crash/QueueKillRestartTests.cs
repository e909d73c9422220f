using System.Collections.Concurrent;
using System.Diagnostics;
using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;

namespace TimerGrid.Tests.Crash;

/// <summary>
/// kill -9 the single node with queue jobs queued and taken: every acknowledged job is still there after the restart,
/// and every taken one comes back once its visibility timeout ran out, never before; on SQLite and on PostgreSQL.
/// </summary>
public sealed class QueueKillRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int Taken = 20;
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(20);

    private readonly TempDir _dataDir = new();

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task KillDashNine_WithJobsQueuedAndTaken_QueuedSurvive_TakenComeBackAfterTheirVisibility(string storage)
    {
        var settings = await TestSettings.ForAsync(_dataDir.Path, storage);
        var port = FreePort.Next();
        var acknowledged = new ConcurrentBag<string>();
        var takenBefore = new Dictionary<string, Stopwatch>();

        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = silo.Url };
            for (var n = 0; n < 100; n++)
            {
                acknowledged.Add(await http.EnqueueAsync("kill", $$"""{"n":{{n}}}"""));
            }
            for (var n = 0; n < Taken; n++)
            {
                var asked = Stopwatch.StartNew();   // the visibility runs from a moment after this
                var job = await http.WantJobAsync("kill", ("X-Accepted-Timeout", ((int)Visibility.TotalSeconds).ToString()));
                takenBefore[job!.Value.GetProperty("id").GetString()!] = asked;
            }
            using var stop = new CancellationTokenSource();
            var producers = Enumerable.Range(0, 4).Select(_ => EnqueueUntilKilledAsync(http, acknowledged, stop.Token)).ToArray();
            await Task.Delay(500);
            silo.Kill();   // mid-stream: some enqueues are in flight
            await stop.CancelAsync();
            await Task.WhenAll(producers);
        }

        var queued = acknowledged.Except(takenBefore.Keys).ToHashSet();
        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = silo.Url };
            var seen = new HashSet<string>();
            while (takenBefore.Keys.Any(id => !seen.Contains(id)) || queued.Any(id => !seen.Contains(id)))
            {
                var job = await http.WantJobAsync("kill", ("X-Accepted-Block-For", "60"), ("X-Accepted-Timeout", "300"));
                Assert.NotNull(job);
                var id = job.Value.GetProperty("id").GetString()!;
                Assert.True(seen.Add(id), $"{id} handed out twice while its visibility held");
                if (takenBefore.TryGetValue(id, out var asked))
                {
                    Assert.True(asked.Elapsed >= Visibility, $"{id} came back {asked.ElapsedMilliseconds} ms after it was taken, within its visibility");
                }
            }
            output.WriteLine($"{queued.Count} queued jobs survived; {Taken} taken jobs came back after their visibility; {seen.Count - queued.Count - Taken} unacknowledged enqueues also made it");
        }
    }

    private static async Task EnqueueUntilKilledAsync(HttpClient http, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                acknowledged.Add(await http.EnqueueAsync("kill"));
            }
            catch (HttpRequestException)
            {
                return;   // killed
            }
        }
    }

    public void Dispose() => _dataDir.Dispose();
}
