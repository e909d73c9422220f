using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Queue;

/// <summary>Bad input to the seed-002 surface: a 4xx with its code, and nothing changed.</summary>
[Collection(QueueApiCollection.Name)]
public sealed class QueueBadInputTests(QueueApiFixture fixture)
{
    private const string GoodBody = """{"queue":"bad-input","params":{}}""";

    private readonly HttpClient _http = fixture.Http;

    public static TheoryData<string, string, string?, string, string, int, string> Requests => new()
    {
        { "POST", "/jobs", GoodBody, "X-Accepted-Priority", "7", 400, "E040" },
        { "POST", "/jobs", GoodBody, "X-Accepted-Priority", "-1", 400, "E040" },
        { "POST", "/jobs", GoodBody, "X-Accepted-Priority", "high", 400, "E040" },
        { "POST", "/jobs", GoodBody, "X-Accepted-Priority", "1.5", 400, "E040" },
        { "POST", "/jobs", GoodBody, "X-Accepted-Result-TTL", "-1", 400, "E040" },
        { "POST", "/jobs", GoodBody, "X-Accepted-Result-TTL", "ten", 400, "E040" },
        { "POST", "/jobs", GoodBody, "X-Accepted-Job-Timeout", "0", 400, "E040" },
        { "POST", "/jobs", GoodBody, "X-Accepted-Delay", "-5", 400, "E040" },
        { "POST", "/jobs", GoodBody, "X-Accepted-Delay", "99999999999", 400, "E040" },
        { "POST", "/jobs", GoodBody, "X-Accepted-Callback-URL", "not a url", 400, "E041" },
        { "POST", "/jobs", GoodBody, "X-Accepted-Callback-URL", "ftp://example.com/x", 400, "E041" },
        { "POST", "/jobs", """{"params":{}}""", "X-Ignored", "", 400, "E038" },
        { "POST", "/jobs", """{"queue":"no spaces","params":{}}""", "X-Ignored", "", 400, "E038" },
        { "POST", "/jobs", """{"queue":7,"params":{}}""", "X-Ignored", "", 400, "E038" },
        { "POST", "/jobs", """{"queue":"bad-input","params":[1]}""", "X-Ignored", "", 400, "E039" },
        { "POST", "/jobs", """{"queue":"bad-input","params":"foo"}""", "X-Ignored", "", 400, "E039" },
        { "POST", "/jobs", "not json", "X-Ignored", "", 400, "E001" },
        { "POST", "/jobs", "[1]", "X-Ignored", "", 400, "E001" },
        { "POST", "/want_job", null, "X-Accepted-Block-For", "301", 400, "E040" },
        { "POST", "/want_job", null, "X-Accepted-Block-For", "-1", 400, "E040" },
        { "POST", "/want_job", null, "X-Accepted-Timeout", "0", 400, "E040" },
        { "POST", "/want_job", null, "X-Accepted-Timeout", "soon", 400, "E040" },
        { "POST", "/want_job", null, "X-Accepted-Queue", "a b", 400, "E038" },
        { "GET", "/jobs/00000000-0000-0000-0000-000000000000", null, "X-Accepted-Wait-Result", "1000", 400, "E040" },
        { "GET", "/jobs/00000000-0000-0000-0000-000000000000", null, "X-Ignored", "", 404, "E004" },
        { "PUT", "/jobs/00000000-0000-0000-0000-000000000000", """{"status":"done"}""", "X-Ignored", "", 404, "E004" },
        { "DELETE", "/jobs/00000000-0000-0000-0000-000000000000", null, "X-Ignored", "", 404, "E004" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task BadRequest_AnswersItsCode_AndChangesNothing(string method, string path, string? body, string header, string value, int status, string code)
    {
        await _http.DrainAsync("bad-input");

        using var response = await _http.SendAsync(QueueClient.Request(new HttpMethod(method), path, body, (header, value)));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Null(await _http.WantJobAsync("bad-input"));
    }

    [Theory]
    [InlineData("running")]
    [InlineData("queued")]
    [InlineData("DONE")]
    [InlineData(null)]
    public async Task Put_BadStatus_Returns400_AndTheJobStaysRunning(string? status)
    {
        var id = await _http.EnqueueAsync("bad-status");
        await _http.WantJobAsync("bad-status", ("X-Accepted-Timeout", "60"));
        var body = status is null ? """{"result":1}""" : $$"""{"status":"{{status}}","result":1}""";

        using var response = await _http.PutJsonAsync($"/jobs/{id}", body);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("E042", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var job = await _http.GetJsonAsync($"/jobs/{id}");
        Assert.Equal("running", job.GetProperty("status").GetString());
        Assert.False(job.TryGetProperty("result", out _));
        await _http.FinishAsync(id);
    }

    [Fact]
    public async Task Enqueue_QueueNamedLikeARestRoute_Returns409()
    {
        await _http.CreateRouteAsync("default", "rest-not-queue", fixture.Receiver.UrlFor("rest-not-queue"));

        using var response = await _http.PostJsonAsync("/jobs", """{"queue":"rest-not-queue","params":{}}""");

        Assert.Equal(409, (int)response.StatusCode);
        Assert.Equal("E044", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
