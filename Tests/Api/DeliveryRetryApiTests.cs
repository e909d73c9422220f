using System.Text.Json;
using TimerGrid.Tests.Fixtures;
using static TimerGrid.Tests.Fixtures.WebhookReceiver;

namespace TimerGrid.Tests.Api;

/// <summary>Retries against a receiver that fails; the fixture retries from 200 ms and gives up after 4 attempts.</summary>
[Collection(ApiCollection.Name)]
public sealed class DeliveryRetryApiTests(ApiFixture app)
{
    private readonly HttpClient _http = app.Http;
    private readonly WebhookReceiver _receiver = app.Receiver;

    [Fact]
    public async Task Fire_ReceiverFailsTwice_RetriesWithTheSameIdempotencyKeyUntilDelivered()
    {
        await _http.CreateRouteAsync("retry", "r", _receiver.UrlFor("flaky", hit => new Answer(hit <= 2 ? 500 : 200)));

        await _http.CreateJobAsync("retry", "c", "j", RestCalls.Now, "r");

        var attempts = await _receiver.WaitForAsync("retry/c/j", count: 3);
        Assert.Equal(["1", "2", "3"], attempts.Select(a => a.Header("TimerGrid-Attempt")));
        Assert.Single(attempts.Select(a => a.Header("webhook-id")).Distinct());
        var job = await _http.WaitForStatusAsync("/job/retry/c/j", "delivered");
        Assert.Equal(3, job.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Fire_ReceiverSendsRetryAfter_NextAttemptWaitsAtLeastThatLong()
    {
        await _http.CreateRouteAsync("after", "r", _receiver.UrlFor("busy", hit => hit == 1 ? new Answer(503, "2") : new Answer(200)));

        await _http.CreateJobAsync("after", "c", "j", RestCalls.Now, "r");

        var attempts = await _receiver.WaitForAsync("after/c/j", count: 2);
        Assert.True(attempts[1].ReceivedAtMs - attempts[0].ReceivedAtMs >= 1900,
            $"retried after {attempts[1].ReceivedAtMs - attempts[0].ReceivedAtMs} ms despite Retry-After: 2");
    }

    [Fact]
    public async Task Fire_ReceiverAlwaysFails_EndsFailedWithLastError()
    {
        await _http.CreateRouteAsync("dead", "r", _receiver.UrlFor("down", _ => new Answer(500)));

        await _http.CreateJobAsync("dead", "c", "j", RestCalls.Now, "r");

        var job = await _http.WaitForStatusAsync("/job/dead/c/j", "failed");
        Assert.Equal(4, job.GetProperty("attempts").GetInt32());
        Assert.Contains("500", job.GetProperty("last_error").GetString());
        Assert.Equal(4, _receiver.For("dead/c/j").Count);
    }

    [Fact]
    public async Task Fire_RouteDeletedBeforeFiring_EndsFailedNamingTheRoute()
    {
        await _http.CreateRouteAsync("gone", "r", _receiver.UrlFor("gone"));
        await _http.CreateJobAsync("gone", "c", "j", RestCalls.Now + 1000, "r");

        (await _http.DeleteAsync("/route/gone/r")).EnsureSuccessStatusCode();

        var job = await _http.WaitForStatusAsync("/job/gone/c/j", "failed");
        Assert.Contains("route 'r'", job.GetProperty("last_error").GetString());
        Assert.Empty(_receiver.For("gone/c/j"));
    }

    [Fact]
    public async Task Fire_RefusedConnection_IsRetried()
    {
        var closedPort = FreePort.Next();
        await _http.CreateRouteAsync("refused", "r", $"http://127.0.0.1:{closedPort}/nobody");

        await _http.CreateJobAsync("refused", "c", "j", RestCalls.Now, "r");

        var job = await _http.WaitForStatusAsync("/job/refused/c/j", "failed");
        Assert.Equal(4, job.GetProperty("attempts").GetInt32());
        Assert.False(string.IsNullOrEmpty(job.GetProperty("last_error").GetString()));
    }

    [Fact]
    public async Task Fire_EnvelopeRoute_PostsTheEnvelope()
    {
        await _http.CreateRouteAsync("env", "r", _receiver.UrlFor("envelope"), ""","payload":"envelope" """);
        var at = RestCalls.Now;

        await _http.CreateJobAsync("env", "c", "j", at, "r", """{"k":"v"}""");

        var body = JsonDocument.Parse((await _receiver.WaitForAsync("env/c/j"))[0].Body).RootElement;
        Assert.Equal("j", body.GetProperty("id").GetString());
        Assert.Equal("env", body.GetProperty("db").GetString());
        Assert.Equal("c", body.GetProperty("collection").GetString());
        Assert.Equal(at, body.GetProperty("trigger_time").GetInt64());
        Assert.Equal("v", body.GetProperty("meta").GetProperty("k").GetString());
        Assert.Equal("r", body.GetProperty("route").GetString());
        Assert.Equal(1, body.GetProperty("attempt").GetInt32());
    }
}
