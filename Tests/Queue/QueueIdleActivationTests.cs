using Microsoft.Extensions.DependencyInjection;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Queue;

/// <summary>A backlog costs its shards' index entries, not a grain activation a job: waiting jobs leave memory and are taken from their rows.</summary>
[Collection(QueueApiCollection.Name)]
public sealed class QueueIdleActivationTests(QueueApiFixture fixture)
{
    private const string Queue = "idle-backlog";
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task QueuedJobs_LeaveMemoryWhileTheyWait_AndAreTakenOnceEach_WithTheirParams()
    {
        var enqueued = new Dictionary<string, int>();
        for (var n = 0; n < 20; n++)
        {
            enqueued[await _http.EnqueueAsync(Queue, $$"""{"n":{{n}}}""")] = n;
        }

        // QueueApiFixture lets a queue job's grain idle for 2 s (the default is a minute).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (ActiveItems(await ActivationsAsync()).Overlaps(enqueued.Keys))
        {
            Assert.True(DateTime.UtcNow < deadline, "the queued jobs' grains were still active a minute after their enqueue");
            await Task.Delay(250);
        }

        var taken = new Dictionary<string, int>();
        while (await _http.WantJobAsync(Queue) is { } job)
        {
            var id = job.GetProperty("id").GetString()!;
            Assert.True(taken.TryAdd(id, job.GetProperty("params").GetProperty("n").GetInt32()), $"job {id} was taken twice");
            await _http.FinishAsync(id);
        }
        Assert.Equal(enqueued.OrderBy(e => e.Key), taken.OrderBy(e => e.Key));
        foreach (var id in enqueued.Keys)
        {
            Assert.Equal("done", (await _http.GetJsonAsync($"/jobs/{id}")).GetProperty("status").GetString());
        }
    }

    private async Task<List<GrainId>> ActivationsAsync() =>
        [.. (await fixture.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics()).Select(s => s.GrainId)];

    private static HashSet<string> ActiveItems(List<GrainId> activations) =>
        [.. activations.Where(g => g.Type.ToString() == "queueitem").Select(g => g.Key.ToString()!)];
}
