using System.Collections.Concurrent;
using System.Diagnostics;
using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;

namespace TimerGrid.Tests.Queue;

/// <summary>Many workers on one queue: every job is taken exactly once.</summary>
[Collection(QueueApiCollection.Name)]
public sealed class QueueConcurrencyTests(QueueApiFixture fixture, ITestOutputHelper output)
{
    private const int Jobs = 2000;
    private const int Workers = 32;

    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task ThirtyTwoWorkers_DrainTwoThousandJobs_EachTakenExactlyOnce()
    {
        var enqueued = new ConcurrentBag<string>();
        var taken = new ConcurrentBag<string>();
        var producing = true;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Workers).Select(async _ =>
        {
            while (true)
            {
                var stillProducing = Volatile.Read(ref producing);
                if (await _http.WantJobAsync("drain", ("X-Accepted-Block-For", "1"), ("X-Accepted-Timeout", "300")) is { } job)
                {
                    var id = job.GetProperty("id").GetString()!;
                    taken.Add(id);
                    await _http.FinishAsync(id);
                }
                else if (!stillProducing)
                {
                    return;
                }
            }
        }).ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, Jobs), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (n, _) => enqueued.Add(await _http.EnqueueAsync("drain", $$"""{"n":{{n}}}""", ("X-Accepted-Priority", (n % 4).ToString()))));
        Volatile.Write(ref producing, false);
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(5));

        output.WriteLine($"{Jobs} jobs enqueued and drained by {Workers} workers in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(Jobs, taken.Count);
        Assert.Equal(enqueued.Order(), taken.Order());
    }
}
