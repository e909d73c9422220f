using System.Diagnostics;
using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;

namespace TimerGrid.Tests.Queue;

/// <summary>Which job a take gets: lower priority first, FIFO within a priority, across shards and queues; and when.</summary>
[Collection(QueueApiCollection.Name)]
public sealed class QueueOrderTests(QueueApiFixture fixture, ITestOutputHelper output)
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task WantJob_MixedPriorities_LowerPriorityFirst_FifoWithinAPriority()
    {
        var enqueued = new List<(string Id, int Priority)>();
        foreach (var priority in new[] { 3, 1, 0, 2, 1, 3, 0, 2, 1, 0 })
        {
            enqueued.Add((await _http.EnqueueAsync("order", $$"""{"n":{{enqueued.Count}}}""", ("X-Accepted-Priority", priority.ToString())), priority));
        }

        var taken = new List<string>();
        while (await _http.WantJobAsync("order") is { } job)
        {
            taken.Add(job.GetProperty("id").GetString()!);
        }

        // OrderBy is stable: within a priority, the order of the POSTs.
        Assert.Equal(enqueued.OrderBy(j => j.Priority).Select(j => j.Id), taken);
    }

    [Fact]
    public async Task WantJob_NoQueueNamed_TakesTheBestJobOfAnyQueue()
    {
        await _http.DrainAsync();
        var low = await _http.EnqueueAsync("any-a", "{}", ("X-Accepted-Priority", "2"));
        var high = await _http.EnqueueAsync("any-b", "{}", ("X-Accepted-Priority", "0"));

        Assert.Equal(high, (await _http.WantJobAsync())!.Value.GetProperty("id").GetString());
        Assert.Equal(low, (await _http.WantJobAsync())!.Value.GetProperty("id").GetString());
        Assert.Null(await _http.WantJobAsync());
    }

    [Fact]
    public async Task WantJob_QueuesNamed_TakesOnlyFromThem()
    {
        var other = await _http.EnqueueAsync("named-other", "{}", ("X-Accepted-Priority", "0"));
        var mine = await _http.EnqueueAsync("named-mine", "{}", ("X-Accepted-Priority", "3"));

        var job = await _http.WantJobAsync(null, ("X-Accepted-Queue", "named-mine, named-third"));

        Assert.Equal(mine, job!.Value.GetProperty("id").GetString());
        Assert.Equal("queued", (await _http.GetJsonAsync($"/jobs/{other}")).GetProperty("status").GetString());
        await _http.DrainAsync("named-other");
    }

    [Fact]
    public async Task WantJob_BlockFor_IsWokenByTheArrival()
    {
        var waiting = Stopwatch.StartNew();
        var take = _http.WantJobAsync("wake", ("X-Accepted-Block-For", "60"));
        await Task.Delay(1000);
        Assert.False(take.IsCompleted);

        var enqueued = Stopwatch.StartNew();
        var id = await _http.EnqueueAsync("wake");
        var job = await take.WaitAsync(TimeSpan.FromSeconds(30));

        // Woken by the arrival, long before the 60 s block ran out.
        Assert.Equal(id, job!.Value.GetProperty("id").GetString());
        Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(30));
        output.WriteLine($"taken {enqueued.ElapsedMilliseconds} ms after the enqueue began (its 202 included)");
    }

    [Fact]
    public async Task WantJob_BlockFor_NothingArrives_Answers204AfterTheBlock()
    {
        var waited = Stopwatch.StartNew();
        var job = await _http.WantJobAsync("nothing-comes", ("X-Accepted-Block-For", "1"));
        Assert.Null(job);
        Assert.True(waited.Elapsed >= TimeSpan.FromSeconds(0.9), $"answered after {waited.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Enqueue_Delay_IsTakenOnlyOnceTheDelayPassed()
    {
        var posted = Stopwatch.StartNew();
        var id = await _http.EnqueueAsync("delayed", "{}", ("X-Accepted-Delay", "2"));
        Assert.Null(await _http.WantJobAsync("delayed"));
        Assert.Equal("queued", (await _http.GetJsonAsync($"/jobs/{id}")).GetProperty("status").GetString());

        var job = await _http.WantJobAsync("delayed", ("X-Accepted-Block-For", "30"));

        Assert.Equal(id, job!.Value.GetProperty("id").GetString());
        Assert.True(posted.Elapsed >= TimeSpan.FromSeconds(1.9), $"taken {posted.ElapsedMilliseconds} ms after the POST");
    }
}
