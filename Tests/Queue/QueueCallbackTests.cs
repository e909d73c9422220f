using System.Text.Json;
using TimerGrid.Tests.Fixtures;
using static TimerGrid.Tests.Fixtures.WebhookReceiver;

namespace TimerGrid.Tests.Queue;

/// <summary>X-Accepted-Callback-URL: the finished job is POSTed there through the webhook path, retried until accepted.</summary>
[Collection(QueueApiCollection.Name)]
public sealed class QueueCallbackTests(QueueApiFixture fixture)
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task FinishedJob_WithCallbackUrl_IsPostedWithItsResult_RetriedAfterAFailure()
    {
        var url = fixture.Receiver.UrlFor("queue-callback", hit => hit == 1 ? new Answer(503) : new Answer(200));
        var id = await _http.EnqueueAsync("callback", """{"n":1}""", ("X-Accepted-Callback-URL", url));
        await _http.WantJobAsync("callback");

        await _http.FinishAsync(id, "done", """{"answer":42}""");

        var calls = await fixture.Receiver.WaitForAsync($"default/queue/{id}", count: 2);
        var body = JsonDocument.Parse(calls[1].Body).RootElement;
        Assert.Equal(id, body.GetProperty("id").GetString());
        Assert.Equal("done", body.GetProperty("status").GetString());
        Assert.Equal("""{"answer":42}""", body.GetProperty("result").GetRawText());
        Assert.Equal("""{"n":1}""", body.GetProperty("params").GetRawText());
        Assert.Equal(calls[0].Header("webhook-id"), calls[1].Header("webhook-id"));
        Assert.StartsWith("v1,", calls[1].Header("webhook-signature"));
        Assert.Equal("2", calls[1].Header("TimerGrid-Attempt"));
    }
}
