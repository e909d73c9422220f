using System.Net;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

/// <summary>DELETE answers <c>deleted</c>, or <c>queued_for_deletion</c> while a delivery of the job is in flight.</summary>
[Collection(ApiCollection.Name)]
public sealed class JobDeleteApiTests(ApiFixture app)
{
    private const string Db = "delete";
    private readonly HttpClient _http = app.Http;

    private async Task<JsonElement> DeleteAsync(string path)
    {
        var response = await _http.DeleteAsync(path);
        await response.EnsureOkAsync();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Delete_IdleJob_AnswersDeleted()
    {
        await _http.CreateRouteAsync(Db, "idle", app.Receiver.UrlFor($"{Db}/idle"));
        await _http.CreateJobAsync(Db, "c", "idle", 4_000_000_000_000, "idle");

        var answer = await DeleteAsync($"/job/{Db}/c/idle");

        Assert.Equal("""{"status":"ok","deleted":"idle"}""", answer.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/job/{Db}/c/idle")).StatusCode);
    }

    [Fact]
    public async Task Delete_DuringASlowDelivery_IsQueuedAndTheJobGoesWhenItEndsInsteadOfBeingRetried()
    {
        // The receiver holds the request past the attempt timeout (5 s in TestSettings), then would answer 500: a retry, but for the delete.
        await _http.CreateRouteAsync(Db, "slow", app.Receiver.UrlFor($"{Db}/slow", _ => new WebhookReceiver.Answer(500, Delay: TimeSpan.FromSeconds(10))));
        await _http.CreateJobAsync(Db, "c", "busy", RestCalls.Now, "slow");
        await app.Receiver.WaitForAsync($"{Db}/c/busy");

        var first = await DeleteAsync($"/job/{Db}/c/busy");
        var during = await _http.GetJsonAsync($"/job/{Db}/c/busy");
        var again = await DeleteAsync($"/job/{Db}/c/busy");

        Assert.Equal("""{"status":"ok","queued_for_deletion":"busy"}""", first.GetRawText());
        Assert.Equal(first.GetRawText(), again.GetRawText());
        Assert.True(during.GetProperty("deleting").GetBoolean());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await _http.GetAsync($"/job/{Db}/c/busy")).StatusCode != HttpStatusCode.NotFound)
        {
            Assert.True(DateTime.UtcNow < deadline, "the job was never deleted");
            await Task.Delay(100);
        }
        Assert.Single(app.Receiver.For($"{Db}/c/busy"));
        var audit = await _http.WaitForListAsync($"/audit/{Db}?collection=c&job=busy", "entries", e => e.Length >= 2);
        Assert.Equal(["deleted", "added"], audit.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("event").GetString()));
    }
}
