using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;

namespace TimerGrid.Tests.Crash;

/// <summary>
/// kill -9 the single node while workers drain a queue: after the restart every acknowledged job ends done (0 missing),
/// and no job is handed to a second worker while a take's visibility holds, nor ever again once its update was answered.
/// </summary>
public sealed class QueueDrainKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Jobs = 400;
    private const int Workers = 8;
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(3);

    private readonly TempDir _dataDir = new();
    private readonly ConcurrentDictionary<string, Stopwatch> _taken = new();
    private readonly ConcurrentDictionary<string, bool> _finished = new();

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task KillDashNine_MidDrain_NoJobMissing_NoneTakenTwiceWhileVisible(string storage)
    {
        var settings = await TestSettings.ForAsync(_dataDir.Path, storage);
        var port = FreePort.Next();
        var acknowledged = new ConcurrentBag<string>();

        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = silo.Url };
            await Parallel.ForEachAsync(Enumerable.Range(0, Jobs), new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (n, _) => acknowledged.Add(await http.EnqueueAsync("drain-kill", $$"""{"n":{{n}}}""")));
            var workers = Enumerable.Range(0, Workers).Select(_ => WorkAsync(http, blockFor: 0)).ToArray();
            while (_finished.Count < Jobs / 2)
            {
                await Task.Delay(10);
            }
            silo.Kill();
            await Task.WhenAll(workers);
        }
        var finishedBefore = _finished.Count;

        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = silo.Url };
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(http, blockFor: 5))).WaitAsync(TimeSpan.FromMinutes(2));
            var missing = new List<string>();
            foreach (var id in acknowledged.Where(id => !_finished.ContainsKey(id)))
            {
                // an update whose answer the kill cut off may have been written all the same
                if ((await http.GetJsonAsync($"/jobs/{id}")).GetProperty("status").GetString() != "done")
                {
                    missing.Add(id);
                }
            }
            Assert.Empty(missing);
        }
        output.WriteLine($"{Jobs} jobs: {finishedBefore} finished before the kill, the rest after the restart; 0 missing");
    }

    /// <summary>Takes and finishes until a take finds nothing (after <paramref name="blockFor"/> seconds) or the node is gone.</summary>
    private async Task WorkAsync(HttpClient http, int blockFor)
    {
        try
        {
            while (true)
            {
                var asked = Stopwatch.StartNew();   // the visibility runs from a moment after this
                if (await http.WantJobAsync("drain-kill", ("X-Accepted-Block-For", blockFor.ToString()), ("X-Accepted-Timeout", ((int)Visibility.TotalSeconds).ToString())) is not { } job)
                {
                    return;
                }
                var id = job.GetProperty("id").GetString()!;
                Assert.False(_finished.ContainsKey(id), $"{id} handed out again after its update was answered");
                if (_taken.TryGetValue(id, out var before))
                {
                    Assert.True(before.Elapsed >= Visibility, $"{id} handed out again {before.ElapsedMilliseconds} ms after a take, within its visibility");
                }
                _taken[id] = asked;
                using var put = await http.PutJsonAsync($"/jobs/{id}", """{"status":"done"}""");
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
                _finished[id] = true;
            }
        }
        catch (HttpRequestException)
        {
            // killed
        }
    }

    public void Dispose() => _dataDir.Dispose();
}
