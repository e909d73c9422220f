using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Testing.Webhooks;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Testing;

/// <summary>What AdvanceAsync promises: every firing due meanwhile, in order, at its time, finished when it returns.</summary>
[Collection(TestHostCollection.Name)]
public sealed class TestHostFiringTests(TestHostFixture fixture)
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task Advance_JobsCreatedOutOfOrder_FireInDueTimeOrderEachAtItsTime()
    {
        var grid = fixture.Grid;
        await CreateRouteAsync("order", grid.Webhooks.UrlFor("order"));
        var start = grid.Now;
        foreach (var hours in new[] { 3, 1, 2 })
        {
            await CreateJobAsync("order", $"job-{hours}", start.AddHours(hours), "order");
        }

        await grid.AdvanceAsync(TimeSpan.FromDays(1));

        var received = grid.Webhooks.Received.Where(w => w.Url.AbsolutePath == "/order").ToList();
        Assert.Equal(["kit/order/job-1", "kit/order/job-2", "kit/order/job-3"], received.Select(w => w.Job));
        Assert.Equal([start.AddHours(1), start.AddHours(2), start.AddHours(3)], received.Select(w => w.ReceivedAt));
        Assert.Equal(start.AddDays(1), grid.Now);
    }

    [Fact]
    public async Task Advance_ReceiverAlwaysFailing_RetriesWithGrowingBackoffThenDeadLettersAndRecordsIt()
    {
        var grid = fixture.Grid;
        grid.Webhooks.Answer("down", _ => WebhookAnswer.WithStatus(500));
        await CreateRouteAsync("down", grid.Webhooks.UrlFor("down"));
        await CreateJobAsync("down", "doomed", grid.Now.AddMinutes(5), "down");

        await grid.AdvanceAsync(TimeSpan.FromHours(1));

        var attempts = grid.Webhooks.For("kit/down/doomed");
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b.ReceivedAt - a.ReceivedAt).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromMilliseconds(500), $"gap {gap}"));   // 1 s, then 2 s, each with jitter down to half
        var job = await _http.GetFromJsonAsync<JsonElement>("/job/kit/down/doomed");
        Assert.Equal("failed", job.GetProperty("status").GetString());
        var executions = await _http.GetFromJsonAsync<JsonElement>("/job/kit/down/doomed/executions");
        Assert.Equal("failed", executions.GetProperty("executions")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Advance_ReceiverHangs_AttemptTimesOutOnTheTestClockAndTheRetryIsDelivered()
    {
        var grid = fixture.Grid;
        grid.Webhooks.Answer("slow", WebhookAnswer.Hang);
        await CreateRouteAsync("slow", grid.Webhooks.UrlFor("slow"));
        await CreateJobAsync("slow", "patience", grid.Now.AddMinutes(1), "slow");

        await grid.AdvanceAsync(TimeSpan.FromMinutes(10));

        var attempts = grid.Webhooks.For("kit/slow/patience");
        Assert.Equal([true, false], attempts.Select(a => a.Answer.Hangs));
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromSeconds(10), "the attempt timeout (10 s) passed first");
        var job = await _http.GetFromJsonAsync<JsonElement>("/job/kit/slow/patience");
        Assert.Equal("delivered", job.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Advance_TooManyRequestsWithRetryAfter_RetriesWhenTheReceiverAsked()
    {
        var grid = fixture.Grid;
        grid.Webhooks.Answer("busy", WebhookAnswer.TooManyRequests(TimeSpan.FromSeconds(90)));
        await CreateRouteAsync("busy", grid.Webhooks.UrlFor("busy"));
        await CreateJobAsync("busy", "later", grid.Now.AddMinutes(1), "busy");

        await grid.AdvanceAsync(TimeSpan.FromMinutes(10));

        var attempts = grid.Webhooks.For("kit/busy/later");
        Assert.Equal([429, 200], attempts.Select(a => a.Answer.Status));
        // Never sooner; a 429 also slows the whole route, whose gate may hold the retry a little longer.
        Assert.InRange(attempts[1].ReceivedAt - attempts[0].ReceivedAt, TimeSpan.FromSeconds(90), TimeSpan.FromMinutes(3));
    }

    [Fact]
    public async Task Advance_RouteCircuitOpen_ReturnsAtItsTimeHoldingTheJobsAndTheNextProbeDeliversOnceTheReceiverIsBack()
    {
        var grid = fixture.Grid;
        var up = false;
        grid.Webhooks.Answer("dead", _ => WebhookAnswer.WithStatus(up ? 200 : 500));
        (await _http.PostAsJsonAsync("/route/kit", new { id = "dead", type = "REST", webhook_url = grid.Webhooks.UrlFor("dead"), circuit_breaker_threshold = 1 }))
            .EnsureSuccessStatusCode();
        await CreateJobAsync("dead", "first", grid.Now.AddMinutes(1), "dead");
        await CreateJobAsync("dead", "second", grid.Now.AddMinutes(1), "dead");
        var end = grid.Now.AddMinutes(2);

        await grid.AdvanceToAsync(end);

        Assert.Equal(end, grid.Now);
        var probes = grid.Webhooks.Received.Count(w => w.Url.AbsolutePath == "/dead");
        Assert.InRange(probes, 2, 10);   // the first answers, then one probe at a time: 1 s, 2 s, 4 s ... up to 30 s apart
        Assert.NotEqual("delivered", await StatusAsync("dead", "first"));

        up = true;
        await grid.AdvanceAsync(TimeSpan.FromMinutes(5));

        Assert.Equal("delivered", await StatusAsync("dead", "first"));
        Assert.Equal("delivered", await StatusAsync("dead", "second"));
    }

    [Fact]
    public async Task Advance_NotFarEnough_FiresNothing()
    {
        var grid = fixture.Grid;
        await CreateRouteAsync("early", grid.Webhooks.UrlFor("early"));
        await CreateJobAsync("early", "tomorrow", grid.Now.AddDays(1), "early");

        await grid.AdvanceAsync(TimeSpan.FromDays(1) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(grid.Webhooks.For("kit/early/tomorrow"));

        await grid.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        Assert.Single(grid.Webhooks.For("kit/early/tomorrow"));
    }

    [Fact]
    public async Task Advance_RealReceiverOnLoopback_GetsTheWebhookBeforeAdvanceReturns()
    {
        var grid = fixture.Grid;
        await using var receiver = await WebhookReceiver.StartAsync();
        await CreateRouteAsync("own", receiver.UrlFor("own"));
        await CreateJobAsync("own", "real", grid.Now.AddHours(2), "own");

        await grid.AdvanceAsync(TimeSpan.FromHours(2));

        Assert.Single(receiver.For("kit/own/real"));
    }

    private async Task<string?> StatusAsync(string collection, string id) =>
        (await _http.GetFromJsonAsync<JsonElement>($"/job/kit/{collection}/{id}")).GetProperty("status").GetString();

    private async Task CreateRouteAsync(string id, string url) =>
        (await _http.PostAsJsonAsync("/route/kit", new { id, type = "REST", webhook_url = url })).EnsureSuccessStatusCode();

    private async Task CreateJobAsync(string collection, string id, DateTimeOffset at, string route) =>
        (await _http.PostAsJsonAsync($"/job/kit/{collection}", new { id, trigger_time = at.ToUnixTimeMilliseconds(), meta = new { id }, route }))
        .EnsureSuccessStatusCode();
}
