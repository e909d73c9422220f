using System.Net;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;
using static TimerGrid.Tests.Fixtures.WebhookReceiver;

namespace TimerGrid.Tests.Api;

/// <summary>Replay of a dead letter; the fixture gives up after 4 attempts.</summary>
[Collection(ApiCollection.Name)]
public sealed class JobReplayApiTests(ApiFixture app)
{
    private const string Db = "replay";
    private readonly HttpClient _http = app.Http;

    [Fact]
    public async Task Replay_FailedJob_DeliversAgainWithItsOwnWebhookIdAndAttemptsFromOne()
    {
        await _http.CreateRouteAsync(Db, "r", app.Receiver.UrlFor($"{Db}/r", hit => new Answer(hit <= 4 ? 500 : 200)));
        await _http.CreateJobAsync(Db, "c", "j", RestCalls.Now, "r");
        await _http.WaitForStatusAsync($"/job/{Db}/c/j", "failed");

        var response = await _http.PostAsync($"/job/{Db}/c/j/replay", null);

        await response.EnsureOkAsync();
        var executionId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("execution_id").GetString();
        var webhooks = await app.Receiver.WaitForAsync($"{Db}/c/j", count: 5);
        Assert.Equal("1", webhooks[4].Header("TimerGrid-Attempt"));
        Assert.Equal(webhooks[0].Header("webhook-id"), webhooks[4].Header("webhook-id"));
        var job = await _http.WaitForStatusAsync($"/job/{Db}/c/j", "delivered");
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        var executions = await _http.WaitForListAsync($"/job/{Db}/c/j/executions", "executions",
            e => e.Any(x => x.GetProperty("execution_id").GetString() == executionId && x.GetProperty("state").GetString() == "succeeded"));
        Assert.Contains(executions.GetProperty("executions").EnumerateArray(), x => x.GetProperty("state").GetString() == "failed");
        var audit = await _http.WaitForListAsync($"/audit/{Db}?collection=c&job=j", "entries", e => e.Length >= 2);
        Assert.Equal("replayed", audit.GetProperty("entries")[0].GetProperty("event").GetString());
        Assert.Equal(executionId, audit.GetProperty("entries")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Replay_DeliveredJob_Returns409AndChangesNothing()
    {
        await _http.CreateRouteAsync(Db, "ok", app.Receiver.UrlFor($"{Db}/ok"));
        await _http.CreateJobAsync(Db, "c", "done", RestCalls.Now, "ok");
        var delivered = await _http.WaitForStatusAsync($"/job/{Db}/c/done", "delivered");

        var response = await _http.PostAsync($"/job/{Db}/c/done/replay", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("E037", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.Equal(delivered.GetRawText(), (await _http.GetJsonAsync($"/job/{Db}/c/done")).GetRawText());
    }
}
