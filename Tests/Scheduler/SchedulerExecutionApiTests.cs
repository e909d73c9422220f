using System.Globalization;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Scheduler;

/// <summary>seed 003's run now, executions and audit logs, and jobs firing into real routes.</summary>
[Collection(ApiCollection.Name)]
public sealed class SchedulerExecutionApiTests(ApiFixture app)
{
    private readonly HttpClient _http = app.Http;
    private readonly WebhookReceiver _receiver = app.Receiver;

    public static TheoryData<string> Prefixes() => [.. SchedulerClient.Prefixes];

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task RunNow_BothForms_AppearInExecutionsAndInLogsAsCustomRun(string prefix)
    {
        var route = $"sched-run{prefix[^1]}";
        await _http.CreateRouteAsync("default", route, _receiver.UrlFor(route));
        var id = await _http.CreateSeedJobAsync(prefix, SchedulerClient.Job(route, "interval", """{"interval": 3600}""", name: "Run me"));

        var fromPath = (await _http.CallAsync("POST", $"{prefix}/executions/{id}")).GetProperty("execution_id").GetString()!;
        var fromBody = (await _http.CallAsync("POST", $"{prefix}/executions", $$"""{"job_id": "{{id}}"}""")).GetProperty("execution_id").GetString()!;

        Assert.Matches("^[0-9a-f]{32}$", fromPath);
        Assert.NotEqual(fromPath, fromBody);
        var executions = await _http.WaitForAsync($"{prefix}/executions", e => Succeeded(e, fromPath) && Succeeded(e, fromBody));
        var execution = executions.GetProperty("executions").EnumerateArray().First(e => e.GetProperty("execution_id").GetString() == fromPath);
        AssertExecution(execution, id, route);
        Assert.Equal(execution.GetRawText(), (await _http.CallAsync("GET", $"{prefix}/executions/{fromPath}")).GetRawText());
        var logs = (await _http.CallAsync("GET", $"{prefix}/logs")).GetProperty("logs").EnumerateArray().Where(l => l.GetProperty("job_id").GetString() == id).ToList();
        Assert.Contains(logs, l => l.GetProperty("event").GetString() == "added" && l.GetProperty("job_name").GetString() == "Run me");
        foreach (var executionId in new[] { fromPath, fromBody })
        {
            var log = Assert.Single(logs, l => l.GetProperty("description").GetString() == executionId);
            Assert.Equal("custom_run", log.GetProperty("event").GetString());
            Assert.False(string.IsNullOrEmpty(log.GetProperty("user").GetString()));
            DateTimeOffset.ParseExact(log.GetProperty("created_time").GetString()!, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz"], CultureInfo.InvariantCulture);
        }
        await _http.CallAsync("DELETE", $"{prefix}/jobs/{id}");
    }

    [Fact]
    public async Task Execution_OfDeletedJob_HasNoJobSoTheUiShowsUnknownJob()
    {
        await _http.CreateRouteAsync("default", "sched-gone", _receiver.UrlFor("sched-gone"));
        var id = await _http.CreateSeedJobAsync("/api/v1", SchedulerClient.Job("sched-gone", "interval", """{"interval": 3600}"""));
        var executionId = (await _http.CallAsync("POST", $"/api/v1/executions/{id}")).GetProperty("execution_id").GetString()!;
        await _http.WaitForAsync("/api/v1/executions", e => Succeeded(e, executionId));

        await _http.CallAsync("DELETE", $"/api/v1/jobs/{id}");

        // ndscheduler leaves "job" out for a job that is gone; its UI then shows "Unknown Job" (models/execution.js).
        var execution = await _http.CallAsync("GET", $"/api/v1/executions/{executionId}");
        Assert.False(execution.TryGetProperty("job", out _), execution.GetRawText());
        var listed = (await _http.CallAsync("GET", "/api/v1/executions")).GetProperty("executions").EnumerateArray()
            .Single(e => e.GetProperty("execution_id").GetString() == executionId);
        Assert.False(listed.TryGetProperty("job", out _));
    }

    [Fact]
    public async Task RunNow_PausedJob_StillFires()
    {
        await _http.CreateRouteAsync("default", "sched-paused", _receiver.UrlFor("sched-paused"));
        var id = await _http.CreateSeedJobAsync("/api/v1", SchedulerClient.Job("sched-paused", "cron", """{"hour": "3"}"""));
        await _http.CallAsync("PATCH", $"/api/v1/jobs/{id}");

        await _http.CallAsync("POST", $"/api/v1/executions/{id}");

        await _receiver.WaitForAsync($"default/scheduler/{id}");
        Assert.Equal("", (await _http.CallAsync("GET", $"/api/v1/jobs/{id}")).GetProperty("next_run_time").GetString());
        await _http.CallAsync("DELETE", $"/api/v1/jobs/{id}");
    }

    [Fact]
    public async Task IntervalJob_OneSecond_FiresIntoItsRouteWithPubArgsInTheBody()
    {
        await _http.CreateRouteAsync("default", "sched-interval", _receiver.UrlFor("sched-interval"));

        var id = await _http.CreateSeedJobAsync("/api/v1", SchedulerClient.Job("sched-interval", "interval", """{"interval": 1}""", """["arg1", 2]""", "Every second"));

        var webhooks = await _receiver.WaitForAsync($"default/scheduler/{id}", count: 2);
        await _http.CallAsync("DELETE", $"/api/v1/jobs/{id}");
        var body = JsonDocument.Parse(webhooks[0].Body).RootElement;
        Assert.Equal("""["arg1",2]""", body.GetProperty("pub_args").GetRawText());
        Assert.Equal(id, body.GetProperty("job_id").GetString());
        Assert.Equal("Every second", body.GetProperty("name").GetString());
        Assert.Equal("sched-interval", body.GetProperty("job_class_string").GetString());
    }

    [Fact]
    public async Task Job_RouteMissing_IsAcceptedAndItsExecutionFailsNamingTheRoute()
    {
        var id = await _http.CreateSeedJobAsync("/api/v1", SchedulerClient.Job("no-such-route-yet", "interval", """{"interval": 3600}"""));

        var executionId = (await _http.CallAsync("POST", $"/api/v1/executions/{id}")).GetProperty("execution_id").GetString()!;

        var execution = await _http.WaitForAsync($"/api/v1/executions/{executionId}", e => e.GetProperty("state").GetString() == "failed");
        Assert.Contains("no-such-route-yet", execution.GetProperty("description").GetString());
        await _http.CallAsync("DELETE", $"/api/v1/jobs/{id}");
    }

    [Fact]
    public async Task Executions_RangeWithUnencodedPlusOffset_SelectsByScheduledTime()
    {
        await _http.CreateRouteAsync("default", "sched-range", _receiver.UrlFor("sched-range"));
        var id = await _http.CreateSeedJobAsync("/api/v2", SchedulerClient.Job("sched-range", "interval", """{"interval": 3600}"""));
        var executionId = (await _http.CallAsync("POST", $"/api/v2/executions/{id}")).GetProperty("execution_id").GetString()!;
        var plusTwo = TimeSpan.FromHours(2);
        string Iso(DateTimeOffset t) => t.ToOffset(plusTwo).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        var now = DateTimeOffset.UtcNow;

        var around = $"/api/v2/executions?time_range_end={Iso(now.AddMinutes(1))}&time_range_start={Iso(now.AddMinutes(-1))}";
        var before = $"/api/v2/executions?time_range_end={Iso(now.AddMinutes(-1))}&time_range_start={Iso(now.AddMinutes(-2))}";

        Assert.Contains("+02:00", around);
        await _http.WaitForAsync(around, e => Has(e, executionId));
        Assert.False(Has(await _http.CallAsync("GET", before), executionId));
        Assert.False(Has(await _http.CallAsync("GET", $"/api/v2/executions?time_range_start={Iso(now.AddMinutes(-30))}&time_range_end={Iso(now.AddMinutes(-20))}"), executionId));
        var logs = await _http.CallAsync("GET", $"/api/v2/logs?time_range_end={Iso(now.AddMinutes(1))}&time_range_start={Iso(now.AddMinutes(-1))}");
        Assert.Contains(logs.GetProperty("logs").EnumerateArray(), l => l.GetProperty("description").GetString() == executionId);
        await _http.CallAsync("DELETE", $"/api/v2/jobs/{id}");
    }

    private static bool Has(JsonElement answer, string executionId) =>
        answer.GetProperty("executions").EnumerateArray().Any(e => e.GetProperty("execution_id").GetString() == executionId);

    private static bool Succeeded(JsonElement answer, string executionId) =>
        answer.GetProperty("executions").EnumerateArray().Any(e =>
            e.GetProperty("execution_id").GetString() == executionId && e.GetProperty("state").GetString() == "succeeded");

    private static void AssertExecution(JsonElement execution, string jobId, string route)
    {
        Assert.Equal(
            ["execution_id", "state", "hostname", "pid", "task_id", "description", "result", "scheduled_time", "updated_time", "job"],
            execution.EnumerateObject().Select(p => p.Name));
        Assert.Equal(-1, execution.GetProperty("pid").GetInt32());
        Assert.Matches(@"[+-]\d\d:\d\d$", execution.GetProperty("scheduled_time").GetString());
        Assert.Matches(@"[+-]\d\d:\d\d$", execution.GetProperty("updated_time").GetString());
        Assert.False(string.IsNullOrEmpty(execution.GetProperty("result").GetString()));
        var job = execution.GetProperty("job");
        Assert.Equal(jobId, job.GetProperty("job_id").GetString());
        Assert.Equal("Run me", job.GetProperty("name").GetString());
        Assert.Equal(route, job.GetProperty("job_class_string").GetString());
        Assert.Equal("""["arg1",2]""", job.GetProperty("pub_args").GetRawText());
        Assert.Equal("interval", job.GetProperty("trigger").GetString());
        Assert.Equal("""{"interval":3600}""", job.GetProperty("trigger_params").GetRawText());
    }
}
