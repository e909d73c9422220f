using System.Net;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Api;

/// <summary>Executions and the audit log through the native API: what each firing and each change leaves behind.</summary>
[Collection(ApiCollection.Name)]
public sealed class JobRecordApiTests(ApiFixture app)
{
    private const string Db = "records";
    private readonly HttpClient _http = app.Http;

    private async Task<string> CreateAsync(string collection, string id, string when, WebhookReceiver.Answer? answer = null)
    {
        var route = $"{collection}-{id}";
        await _http.CreateRouteAsync(Db, route, app.Receiver.UrlFor($"{Db}/{route}", answer is null ? null : _ => answer));
        var response = await _http.PostJsonAsync($"/job/{Db}/{collection}", $$"""{"id":"{{id}}",{{when}},"route":"{{route}}"}""");
        await response.EnsureOkAsync();
        return $"{Db}/{collection}/{id}";
    }

    private static string State(JsonElement e) => e.GetProperty("state").GetString()!;

    [Fact]
    public async Task Executions_OfRecurringJob_OnePerOccurrenceNewestFirstWithOutcome()
    {
        var key = await CreateAsync("exec", "tick", "\"schedule\":{\"interval\":1}");
        var webhooks = await app.Receiver.WaitForAsync(key, count: 2);

        var page = await _http.WaitForListAsync($"/job/{key}/executions", "executions", e => e.Count(x => State(x) == "succeeded") >= 2);

        var executions = page.GetProperty("executions").EnumerateArray().Where(x => State(x) == "succeeded").ToList();
        var scheduled = executions.Select(x => x.GetProperty("scheduled_time").GetInt64()).ToList();
        Assert.Equal(scheduled.OrderDescending(), scheduled);
        Assert.Contains(long.Parse(webhooks[0].Header("TimerGrid-Trigger-Time")), scheduled);
        Assert.All(executions, x =>
        {
            Assert.Matches("^[0-9a-f]{32}$", x.GetProperty("execution_id").GetString());
            Assert.Equal(200, x.GetProperty("http_status").GetInt32());
            Assert.Equal(1, x.GetProperty("attempt").GetInt32());
            Assert.StartsWith("HTTP 200 in ", x.GetProperty("result").GetString());
            Assert.True(x.GetProperty("finished_time").GetInt64() >= x.GetProperty("fired_time").GetInt64());
        });
        var from = scheduled[0];
        var recent = await _http.GetJsonAsync($"/job/{key}/executions?from={from}");
        Assert.All(recent.GetProperty("executions").EnumerateArray(), x => Assert.True(x.GetProperty("scheduled_time").GetInt64() >= from));
        var older = await _http.GetJsonAsync($"/job/{key}/executions?to={from}");
        Assert.All(older.GetProperty("executions").EnumerateArray(), x => Assert.True(x.GetProperty("scheduled_time").GetInt64() < from));
    }

    [Fact]
    public async Task Executions_OfFailingDelivery_RecordEachAttemptAndEndFailed()
    {
        var key = await CreateAsync("exec", "broken", $"\"trigger_time\":{RestCalls.Now}", new WebhookReceiver.Answer(500));
        await _http.WaitForStatusAsync($"/job/{key}", "failed");

        var page = await _http.WaitForListAsync($"/job/{key}/executions", "executions", e => e.Any(x => State(x) == "failed"));

        var execution = Assert.Single(page.GetProperty("executions").EnumerateArray());
        Assert.Equal(4, execution.GetProperty("attempt").GetInt32());   // TestSettings: MaxAttempts 4
        Assert.Equal(500, execution.GetProperty("http_status").GetInt32());
        Assert.Contains("HTTP 500", execution.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(execution.GetProperty("result").GetString()));
    }

    [Fact]
    public async Task Audit_EveryClientChange_IsLoggedNewestFirst()
    {
        var key = await CreateAsync("audit", "a", "\"schedule\":{\"cron\":\"0 3 * * *\"},\"name\":\"nightly\"");
        await (await _http.PostAsync($"/job/{key}/pause", null)).EnsureOkAsync();
        await (await _http.PostAsync($"/job/{key}/resume", null)).EnsureOkAsync();
        var run = await _http.PostAsync($"/job/{key}/run", null);
        var executionId = JsonDocument.Parse(await run.Content.ReadAsStringAsync()).RootElement.GetProperty("execution_id").GetString();
        await (await _http.PutJsonAsync($"/job/{key}", """{"schedule":{"cron":"0 4 * * *"},"route":"audit-a","name":"nightly"}""")).EnsureOkAsync();
        await (await _http.DeleteAsync($"/job/{key}")).EnsureOkAsync();

        var page = await _http.WaitForListAsync($"/audit/{Db}?collection=audit&job=a", "entries", e => e.Length >= 6);

        var entries = page.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["deleted", "modified", "custom_run", "resumed", "paused", "added"], entries.Select(e => e.GetProperty("event").GetString()));
        Assert.All(entries, e => Assert.Equal("anonymous", e.GetProperty("user").GetString()));
        Assert.All(entries, e => Assert.Equal("nightly", e.GetProperty("job_name").GetString()));
        Assert.Equal(executionId, entries[2].GetProperty("description").GetString());
        var modified = entries[1].GetProperty("description").GetString()!;
        Assert.Contains("0 3 * * *", modified);   // what it was
        Assert.Contains("0 4 * * *", modified);   // what it became
        Assert.DoesNotContain("name", modified);  // unchanged
        var first = await _http.GetJsonAsync($"/audit/{Db}?collection=audit&job=a&limit=4");
        var rest = await _http.GetJsonAsync($"/audit/{Db}?collection=audit&job=a&limit=4&cursor={Uri.EscapeDataString(first.GetProperty("next_cursor").GetString()!)}");
        Assert.Equal(entries.Select(e => e.GetProperty("id").GetInt64()),
            first.GetProperty("entries").EnumerateArray().Concat(rest.GetProperty("entries").EnumerateArray()).Select(e => e.GetProperty("id").GetInt64()));
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task Collection_PauseThenResume_ChangesEveryJob()
    {
        await CreateAsync("whole", "x", "\"schedule\":{\"interval\":3600}");
        await CreateAsync("whole", "y", "\"schedule\":{\"interval\":3600}");

        var paused = await _http.PostAsync($"/job/{Db}/whole/pause", null);

        await paused.EnsureOkAsync();
        Assert.Equal(2, JsonDocument.Parse(await paused.Content.ReadAsStringAsync()).RootElement.GetProperty("changed").GetInt32());
        foreach (var id in new[] { "x", "y" })
        {
            Assert.False((await _http.GetJsonAsync($"/job/{Db}/whole/{id}")).GetProperty("enabled").GetBoolean());
        }
        await (await _http.PostAsync($"/job/{Db}/whole/resume", null)).EnsureOkAsync();
        foreach (var id in new[] { "x", "y" })
        {
            var job = await _http.GetJsonAsync($"/job/{Db}/whole/{id}");
            Assert.True(job.GetProperty("enabled").GetBoolean());
            Assert.Equal(JsonValueKind.Number, job.GetProperty("next_fire_time").ValueKind);
        }
    }

    [Theory]
    [InlineData("/job/records/c/j/executions?from=yesterday", 400, "E022")]
    [InlineData("/job/records/c/j/executions?from=10&to=5", 400, "E022")]
    [InlineData("/job/records/c/j/executions?limit=0", 400, "E022")]
    [InlineData("/job/records/c/j/executions?cursor=bogus", 400, "E023")]
    [InlineData("/audit/records?job=j", 400, "E002")]
    [InlineData("/audit/b%20d", 400, "E002")]
    public async Task Records_BadQuery_Returns400WithCode(string path, int status, string code)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal(code, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }
}
