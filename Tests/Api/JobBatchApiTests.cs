using System.Net.Http.Json;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

/// <summary>POST /job/{db}/{collection}/batch: one answer per job in request order, a bad job failing only itself, safe to send again.</summary>
[Collection(ApiCollection.Name)]
public sealed class JobBatchApiTests(ApiFixture app)
{
    private const long Far = 4_000_000_000_000;
    private readonly HttpClient _http = app.Http;

    [Fact]
    public async Task Batch_ThousandMixed_AnswersEachInOrder_AndTheSameBatchAgainAnswersTheSame()
    {
        await _http.CreateRouteAsync("bmixed", "r", "http://127.0.0.1:9/never");
        var entries = Enumerable.Range(0, 1000).Select(MixedEntry).ToList();
        var body = Batch(entries.Select(e => e.Json));

        var first = await PostBatchAsync("/job/bmixed/c/batch", body);
        var again = await PostBatchAsync("/job/bmixed/c/batch", body);

        foreach (var results in new[] { first, again })
        {
            Assert.Equal(1000, results.Length);
            for (var i = 0; i < entries.Count; i++)
            {
                Assert.True(entries[i].Id == Id(results[i]), $"entry {i}: {results[i]}");
                Assert.True(entries[i].Code == Code(results[i]), $"entry {i}: {results[i]}");
            }
        }
        var created = entries.Count(e => e.Code is null);
        Assert.Equal(created, (await _http.GetJsonAsync("/job/bmixed/c?pagesize=1")).GetProperty("count").GetInt64());
        Assert.Equal(3600, (await _http.GetJsonAsync("/job/bmixed/c/j3")).GetProperty("schedule").GetProperty("interval").GetInt64());
        Assert.Equal(Far + 1, (await _http.GetJsonAsync("/job/bmixed/c/j1")).GetProperty("trigger_time").GetInt64());
    }

    [Fact]
    public async Task Batch_SameIdTwice_IsTwoCreatesInOrder_TheJobKeepsTheFirstBody()
    {
        await _http.CreateRouteAsync("btwice", "r", "http://127.0.0.1:9/never");

        var results = await PostBatchAsync("/job/btwice/c/batch", Batch([Job("a", Far), Job("a", Far), Job("b", Far), Job("b", Far + 5)]));

        Assert.Equal(["ok", "ok", "ok", "E006"], results.Select(r => Code(r) ?? r.GetProperty("status").GetString()));
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(Id(r))));
        Assert.Contains("different body", results[3].GetProperty("error").GetString());
        Assert.Equal(Far, (await _http.GetJsonAsync("/job/btwice/c/b")).GetProperty("trigger_time").GetInt64());
    }

    [Fact]
    public async Task Batch_EntriesWithoutIdOrNotObjects_FailAtTheirPlace_TheOthersAreCreated()
    {
        await _http.CreateRouteAsync("bshape", "r", "http://127.0.0.1:9/never");

        var response = await _http.PostJsonAsync("/job/bshape/c/batch",
            Batch([$$"""{"trigger_time":{{Far}},"route":"r"}""", "42", "\"j\"", "null", "[1]", Job("kept", Far)]));

        await response.EnsureOkAsync();
        var text = await response.Content.ReadAsStringAsync();
        var results = JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(["E018", "E001", "E001", "E001", "E001", null], results.Select(Code));
        Assert.All(results[..5], r => Assert.Equal(JsonValueKind.Null, r.GetProperty("id").ValueKind));
        Assert.Contains("""{"id":"kept","status":"ok"}""", text);
        Assert.Equal(1, (await _http.GetJsonAsync("/job/bshape/c?pagesize=1")).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Batch_SentAgainAfterItsJobsFired_AnswersOkAndFiresNothingAgain()
    {
        await _http.CreateRouteAsync("bfired", "r", app.Receiver.UrlFor("bfired"));
        var body = Batch([Job("a", RestCalls.Now), Job("b", RestCalls.Now), Job("c", RestCalls.Now + 100)]);
        Assert.All(await PostBatchAsync("/job/bfired/c/batch", body), r => Assert.Null(Code(r)));
        foreach (var id in new[] { "a", "b", "c" })
        {
            await _http.WaitForStatusAsync($"/job/bfired/c/{id}", "delivered");
        }

        var again = await PostBatchAsync("/job/bfired/c/batch", body);

        Assert.All(again, r => Assert.Equal("ok", r.GetProperty("status").GetString()));
        // A job created after the resend and due at once: once it has fired, a re-armed one would have fired too.
        await _http.CreateJobAsync("bfired", "c", "witness", RestCalls.Now, "r");
        await app.Receiver.WaitForAsync("bfired/c/witness");
        foreach (var id in new[] { "a", "b", "c" })
        {
            Assert.Single(app.Receiver.For($"bfired/c/{id}"));
            Assert.Equal("delivered", (await _http.GetJsonAsync($"/job/bfired/c/{id}")).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Batch_EachCreatedJob_IsInTheAuditLog()
    {
        await _http.CreateRouteAsync("baudit", "r", "http://127.0.0.1:9/never");

        await PostBatchAsync("/job/baudit/c/batch", Batch([Job("a", Far), Job("b", Far), Job("bad", 5), Job("c", Far)]));

        var page = await _http.WaitForListAsync("/audit/baudit?collection=c", "entries", e => e.Length >= 3);
        var added = page.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("event").GetString() == "added")
            .Select(e => e.GetProperty("job_id").GetString()).Order();
        Assert.Equal(["a", "b", "c"], added);
    }

    [Fact]
    public async Task OpenApi_Batch_ShowsItsTypedResults()
    {
        var document = await _http.GetJsonAsync("/openapi/v1.json");

        var responses = document.GetProperty("paths").GetProperty("/job/{db}/{collection}/batch").GetProperty("post").GetProperty("responses");
        Assert.Equal("#/components/schemas/JobBatchResponse", SchemaOf(responses, "200"));
        Assert.All(["400", "413", "503"], status => Assert.Equal("#/components/schemas/ApiError", SchemaOf(responses, status)));
    }

    /// <summary>Every fifth entry is bad in its own way; every seventh good one is recurring.</summary>
    private static (string Json, string? Id, string? Code) MixedEntry(int i)
    {
        var id = $"j{i}";
        if (i % 5 != 0)
        {
            return (i % 7 == 3 ? $$"""{"id":"{{id}}","schedule":{"interval":3600},"route":"r"}""" : Job(id, Far + i), id, null);
        }
        return (i / 5 % 5) switch
        {
            0 => ($$"""{"id":"{{id}}","trigger_time":5,"route":"r"}""", id, "E003"),
            1 => (Job(id, Far, route: "missing"), id, "E010"),
            2 => ($$"""{"trigger_time":{{Far}},"route":"r"}""", null, "E018"),
            3 => ("[]", null, "E001"),
            _ => (Job("a/b", Far), "a/b", "E002"),
        };
    }

    internal static string Job(string id, long triggerTime, string route = "r") =>
        $$$"""{"id":"{{{id}}}","trigger_time":{{{triggerTime}}},"route":"{{{route}}}","meta":{"n":"{{{id}}}"}}""";

    internal static string Batch(IEnumerable<string> jobs) => $$"""{"jobs":[{{string.Join(",", jobs)}}]}""";

    internal static string? Id(JsonElement result) => result.GetProperty("id").GetString();

    internal static string? Code(JsonElement result) => result.TryGetProperty("code", out var code) ? code.GetString() : null;

    private async Task<JsonElement[]> PostBatchAsync(string path, string body)
    {
        var response = await _http.PostJsonAsync(path, body);
        await response.EnsureOkAsync();
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray()];
    }

    private static string? SchemaOf(JsonElement responses, string status) =>
        responses.GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
}
