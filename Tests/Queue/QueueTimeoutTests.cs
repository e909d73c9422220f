using System.Net;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Queue;

/// <summary>What time does to a queue job: visibility timeout, job timeout, result TTL.</summary>
[Collection(QueueApiCollection.Name)]
public sealed class QueueTimeoutTests(QueueApiFixture fixture)
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task TakenJob_NotFinishedWithinItsVisibility_IsHandedOutAgain_NeverWhileVisibilityHolds()
    {
        var id = await _http.EnqueueAsync("visibility");
        var first = await _http.WantJobAsync("visibility", ("X-Accepted-Timeout", "2"));
        Assert.Equal(1, first!.Value.GetProperty("attempts").GetInt32());
        Assert.Null(await _http.WantJobAsync("visibility"));   // the first worker's visibility holds

        var second = await _http.WantJobAsync("visibility", ("X-Accepted-Block-For", "30"), ("X-Accepted-Timeout", "60"));

        Assert.Equal(id, second!.Value.GetProperty("id").GetString());
        await _http.FinishAsync(id);
    }

    [Fact]
    public async Task TakenJob_VisibilityRunsOutMaxAttemptsTimes_EndsFailed()
    {
        var id = await _http.EnqueueAsync("attempts");
        for (var attempt = 1; attempt <= 3; attempt++)   // the fixture's MaxAttempts
        {
            var job = await _http.WantJobAsync("attempts", ("X-Accepted-Block-For", "30"), ("X-Accepted-Timeout", "1"));
            Assert.Equal(id, job!.Value.GetProperty("id").GetString());
        }

        await _http.WaitForStatusAsync($"/jobs/{id}", "failed");
        Assert.Null(await _http.WantJobAsync("attempts"));
    }

    [Fact]
    public async Task JobTimeout_PassedAfterTheFirstTake_EndsFailed_NotHandedOutAgain()
    {
        var id = await _http.EnqueueAsync("job-timeout", "{}", ("X-Accepted-Job-Timeout", "1"));
        await _http.WantJobAsync("job-timeout", ("X-Accepted-Timeout", "60"));

        await _http.WaitForStatusAsync($"/jobs/{id}", "failed");

        Assert.Null(await _http.WantJobAsync("job-timeout"));
        using var put = await _http.PutJsonAsync($"/jobs/{id}", """{"status":"done"}""");
        Assert.Equal(HttpStatusCode.Conflict, put.StatusCode);
    }

    [Fact]
    public async Task ResultTtl_FinishedJob_IsRemovedThatLongAfter()
    {
        var id = await _http.EnqueueAsync("ttl", "{}", ("X-Accepted-Result-TTL", "1"));
        var kept = await _http.EnqueueAsync("ttl");
        await _http.WantJobAsync("ttl");
        await _http.WantJobAsync("ttl");
        await _http.FinishAsync(id);
        await _http.FinishAsync(kept);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await _http.GetAsync($"/jobs/{id}")).StatusCode != HttpStatusCode.NotFound)
        {
            Assert.True(DateTime.UtcNow < deadline, "the job outlived its result TTL");
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/job/default/queue/{id}")).StatusCode);
        Assert.Equal("done", (await _http.GetJsonAsync($"/jobs/{kept}")).GetProperty("status").GetString());
    }
}
