using System.Security.Cryptography;
using System.Text;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class JobFiringApiTests(ApiFixture app)
{
    private readonly HttpClient _http = app.Http;
    private readonly WebhookReceiver _receiver = app.Receiver;

    [Fact]
    public async Task Post_FutureJob_FiresNotEarlyWithMetaVerbatimAndVerifiableSignature()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        await _http.CreateRouteAsync("fire", "game", _receiver.UrlFor("game/end?action=endgame"), $$""","secret":"{{secret}}" """);
        const string meta = """{ "match" : 42,  "players":["ä","b"], "nested": {"x": 1.50} }""";
        var trigger = RestCalls.Now + 1500;

        await _http.CreateJobAsync("fire", "matches", "m1", trigger, "game", meta);

        var webhook = (await _receiver.WaitForAsync("fire/matches/m1"))[0];
        Assert.True(webhook.ReceivedAtMs >= trigger, $"arrived {trigger - webhook.ReceivedAtMs} ms early");
        Assert.Equal("/game/end?action=endgame", webhook.PathAndQuery);
        Assert.Equal(Encoding.UTF8.GetBytes(meta), webhook.Body);
        Assert.Equal(trigger.ToString(), webhook.Header("TimerGrid-Trigger-Time"));
        Assert.Equal("1", webhook.Header("TimerGrid-Attempt"));
        Assert.Equal($"fire/matches/m1@{trigger}", webhook.Header("webhook-id"));
        var signedContent = Encoding.UTF8.GetBytes($"{webhook.Header("webhook-id")}.{webhook.Header("webhook-timestamp")}.").Concat(webhook.Body).ToArray();
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), signedContent));
        Assert.Equal(expected, webhook.Header("webhook-signature"));

        var job = await _http.WaitForStatusAsync("/job/fire/matches/m1", "delivered");
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.True(job.GetProperty("fired_at").GetInt64() >= trigger);
    }

    [Fact]
    public async Task Get_DuringASlowDelivery_AnswersWithoutWaitingForIt()
    {
        await _http.CreateRouteAsync("slow", "r", _receiver.UrlFor("slow", _ => new WebhookReceiver.Answer(200, Delay: TimeSpan.FromSeconds(3))));
        await _http.CreateJobAsync("slow", "c", "j", RestCalls.Now, "r");
        await _receiver.WaitForAsync("slow/c/j");   // the receiver holds the delivery open for 3 s (TestSettings: attempts time out after 5)

        var job = await _http.GetJsonAsync("/job/slow/c/j");

        Assert.Equal("scheduled", job.GetProperty("status").GetString());   // a GET queued behind the delivery would see it delivered
        await _http.WaitForStatusAsync("/job/slow/c/j", "delivered");
    }

    [Fact]
    public async Task Post_PastTriggerTime_FiresAtOnce()
    {
        await _http.CreateRouteAsync("past", "r", _receiver.UrlFor("past"));

        await _http.CreateJobAsync("past", "c", "late", RestCalls.Now - 60_000, "r", """{"late":true}""");

        var webhook = (await _receiver.WaitForAsync("past/c/late", timeout: TimeSpan.FromSeconds(20)))[0];
        Assert.Equal("""{"late":true}"""u8.ToArray(), webhook.Body);
    }

    [Fact]
    public async Task Put_Reschedules_FiresOnceAtTheNewTimeWithTheNewMeta()
    {
        await _http.CreateRouteAsync("put", "r", _receiver.UrlFor("put"));
        var first = RestCalls.Now + 60_000;
        await _http.CreateJobAsync("put", "c", "j", first, "r", """{"v":1}""");
        var second = RestCalls.Now + 1000;

        var response = await _http.PutJsonAsync("/job/put/c/j", $$"""{"id":"j","trigger_time":{{second}},"meta":{"v":2},"route":"r"}""");

        await response.EnsureOkAsync();
        var webhook = (await _receiver.WaitForAsync("put/c/j"))[0];
        Assert.Equal("""{"v":2}"""u8.ToArray(), webhook.Body);
        Assert.True(webhook.ReceivedAtMs >= second);
        var job = await _http.WaitForStatusAsync("/job/put/c/j", "delivered");
        Assert.Equal(second, job.GetProperty("trigger_time").GetInt64());
        Assert.Single(_receiver.For("put/c/j"));
    }

    [Fact]
    public async Task Delete_BeforeTriggerTime_NeverFires()
    {
        await _http.CreateRouteAsync("del", "r", _receiver.UrlFor("del"));
        var at = RestCalls.Now + 1500;
        await _http.CreateJobAsync("del", "c", "cancelled", at, "r");
        await _http.CreateJobAsync("del", "c", "witness", at + 1000, "r");

        (await _http.DeleteAsync("/job/del/c/cancelled")).EnsureSuccessStatusCode();

        await _receiver.WaitForAsync("del/c/witness");   // fires after the cancelled one would have
        Assert.Empty(_receiver.For("del/c/cancelled"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _http.GetAsync("/job/del/c/cancelled")).StatusCode);
    }

    [Fact]
    public async Task Post_SameBodyTwice_AnswersOkAndFiresOnce()
    {
        await _http.CreateRouteAsync("idem", "r", _receiver.UrlFor("idem"));
        var at = RestCalls.Now + 800;

        await _http.CreateJobAsync("idem", "c", "j", at, "r", """{"a":1}""");
        await _http.CreateJobAsync("idem", "c", "j", at, "r", """{"a":1}""");
        var different = await _http.PostJsonAsync("/job/idem/c", $$"""{"id":"j","trigger_time":{{at}},"meta":{"a":2},"route":"r"}""");

        Assert.Equal(System.Net.HttpStatusCode.Conflict, different.StatusCode);
        Assert.Contains("\"E006\"", await different.Content.ReadAsStringAsync());
        await _http.WaitForStatusAsync("/job/idem/c/j", "delivered");
        await _http.CreateJobAsync("idem", "c", "witness", RestCalls.Now, "r");
        await _receiver.WaitForAsync("idem/c/witness");
        Assert.Single(_receiver.For("idem/c/j"));
    }

    [Fact]
    public async Task Get_ReturnsTheSeedFieldsAndMetaRoundTrip()
    {
        await _http.CreateRouteAsync("get", "gameServer", "gameserver-dev-1.myorg.com/timer?action=endgame");
        await _http.CreateJobAsync("get", "c", "nxz123bnj", 4_000_000_000_000, "gameServer", """{"deep":{"list":[1,"two",null,true]}}""");

        var job = await _http.GetJsonAsync("/job/get/c/nxz123bnj");
        var route = await _http.GetJsonAsync("/route/get/gameServer");

        Assert.Equal("nxz123bnj", job.GetProperty("id").GetString());
        Assert.Equal(4_000_000_000_000, job.GetProperty("trigger_time").GetInt64());
        Assert.Equal("""{"deep":{"list":[1,"two",null,true]}}""", job.GetProperty("meta").GetRawText());
        Assert.Equal("gameServer", job.GetProperty("route").GetString());
        Assert.Equal("scheduled", job.GetProperty("status").GetString());
        Assert.Equal("REST", route.GetProperty("type").GetString());
        Assert.Equal("gameserver-dev-1.myorg.com/timer?action=endgame", route.GetProperty("webhook_url").GetString());
        Assert.StartsWith("whsec_", route.GetProperty("secret").GetString());
    }
}
