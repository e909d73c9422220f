using System.Net;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Scheduler;

/// <summary>Every bad request to seed 003's surface gets the document's 400 <c>{"error"}</c> and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class SchedulerBadInputTests(ApiFixture app) : IAsyncLifetime
{
    private const string Existing = "{existing}";
    private const string Unknown = "0123456789abcdef0123456789abcdef";
    private readonly HttpClient _http = app.Http;
    private string _existing = "";

    public static TheoryData<string, string, string, string?> Cases()
    {
        string Job(string trigger, string triggerParams) => SchedulerClient.Job("r", trigger, triggerParams);
        var bodies = new (string Method, string Path, string? Body)[]
        {
            ("POST", "/jobs", "{"),
            ("POST", "/jobs", "not json"),
            ("POST", "/jobs", ""),
            ("POST", "/jobs", """[{"name": "x"}]"""),
            ("POST", "/jobs", """{"name": "n", "pub_args": [], "trigger": "interval", "trigger_params": {"interval": 60}}"""),
            ("POST", "/jobs", """{"job_class_string": "r", "pub_args": [], "trigger": "interval", "trigger_params": {"interval": 60}}"""),
            ("POST", "/jobs", """{"job_class_string": "r", "name": "n", "trigger_params": {"interval": 60}}"""),
            ("POST", "/jobs", """{"job_class_string": "r", "name": "n", "trigger": "interval"}"""),
            ("POST", "/jobs", """{"job_class_string": 5, "name": "n", "trigger": "interval", "trigger_params": {"interval": 60}}"""),
            ("POST", "/jobs", """{"job_class_string": "r", "name": ["n"], "trigger": "interval", "trigger_params": {"interval": 60}}"""),
            ("POST", "/jobs", """{"job_class_string": "r", "name": "n", "pub_args": "a", "trigger": "interval", "trigger_params": {"interval": 60}}"""),
            ("POST", "/jobs", """{"job_class_string": "r", "name": "n", "pub_args": {"a": 1}, "trigger": "interval", "trigger_params": {"interval": 60}}"""),
            ("POST", "/jobs", """{"job_class_string": "r", "name": "n", "trigger": "interval", "trigger_params": [60]}"""),
            ("POST", "/jobs", """{"job_class_string": "a/b", "name": "n", "trigger": "interval", "trigger_params": {"interval": 60}}"""),
            ("POST", "/jobs", """{"job_class_string": "r", "name": "", "trigger": "interval", "trigger_params": {"interval": 60}}"""),
            ("POST", "/jobs", Job("date", """{"run_date": "2030-01-01"}""")),
            ("POST", "/jobs", Job("interval", """{"interval": 0}""")),
            ("POST", "/jobs", Job("interval", """{"interval": -5}""")),
            ("POST", "/jobs", Job("interval", """{"interval": "soon"}""")),
            ("POST", "/jobs", Job("interval", """{"interval": 99999999999999}""")),
            ("POST", "/jobs", Job("cron", """{"minute": "61"}""")),
            ("POST", "/jobs", Job("cron", """{"day_of_week": "8"}""")),
            ("POST", "/jobs", Job("cron", """{"hour": "x"}""")),
            ("POST", "/jobs", Job("cron", """{}""")),
            ("POST", "/jobs", Job("cron", """{"hour": "3", "timezone": "Mars/Olympus"}""")),
            ("POST", "/jobs", Job("cron", """{"day": "31", "month": "2"}""")),
            ("PUT", $"/jobs/{Existing}", Job("interval", """{"interval": 0}""")),
            ("PUT", $"/jobs/{Existing}", "{"),
            ("PUT", $"/jobs/{Unknown}", SchedulerClient.IntervalExample),
            ("GET", $"/jobs/{Unknown}", null),
            ("DELETE", $"/jobs/{Unknown}", null),
            ("PATCH", $"/jobs/{Unknown}", null),
            ("OPTIONS", $"/jobs/{Unknown}", null),
            ("GET", $"/jobs/{new string('z', 200)}", null),
            ("POST", $"/executions/{Unknown}", null),
            ("POST", "/executions", $$"""{"job_id": "{{Unknown}}"}"""),
            ("POST", "/executions", """{"job_id": 5}"""),
            ("POST", "/executions", "{}"),
            ("POST", "/executions", null),
            ("GET", $"/executions/{Unknown}", null),
            ("GET", "/executions?time_range_start=yesterday", null),
            ("GET", "/logs?time_range_end=2015-13-45T00:00:00Z", null),
        };
        var cases = new TheoryData<string, string, string, string?>();
        foreach (var prefix in SchedulerClient.Prefixes)
        {
            foreach (var (method, path, body) in bodies)
            {
                cases.Add(method, prefix, path, body);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_BadInput_Returns400WithErrorAndChangesNothing(string method, string prefix, string path, string? body)
    {
        var before = await SnapshotAsync();

        var response = await _http.SendAsync(method, prefix + path.Replace(Existing, _existing), body);

        await SchedulerClient.AssertSeedErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("GET", "/api/v1/nowhere", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v3/jobs", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/v2/logs", HttpStatusCode.MethodNotAllowed)]
    [InlineData("PATCH", "/api/v1/jobs", HttpStatusCode.MethodNotAllowed)]
    public async Task Request_UnknownPathOrMethod_KeepsItsStatusInTheSeedShape(string method, string path, HttpStatusCode status) =>
        await SchedulerClient.AssertSeedErrorAsync(await _http.SendAsync(method, path), status);

    /// <summary>The jobs as clients set them; next_run_time moves on its own.</summary>
    private async Task<string> SnapshotAsync()
    {
        var jobs = (await _http.CallAsync("GET", "/api/v1/jobs")).GetProperty("jobs").EnumerateArray()
            .Select(j => string.Join('|', j.EnumerateObject().Where(p => p.Name != "next_run_time").Select(p => p.Value.GetRawText())))
            .Order();
        return string.Join('\n', jobs);
    }

    public async Task InitializeAsync() => _existing = await _http.CreateSeedJobAsync("/api/v1", SchedulerClient.IntervalExample);

    public async Task DisposeAsync() => await _http.CallAsync("DELETE", $"/api/v1/jobs/{_existing}");
}
