using System.Net;
using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Scheduler;

/// <summary>seed 003's <c>/jobs</c> with the document's own examples, at both prefixes.</summary>
[Collection(ApiCollection.Name)]
public sealed class SchedulerJobApiTests(ApiFixture app)
{
    private const string IsoWithOffset = @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?[+-]\d\d:\d\d$";
    private readonly HttpClient _http = app.Http;

    public static TheoryData<string> Prefixes() => [.. SchedulerClient.Prefixes];

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task Post_DocumentCronExample_IsListedAndReadBackAsSent(string prefix)
    {
        var id = await _http.CreateSeedJobAsync(prefix, SchedulerClient.CronExample);

        var job = await _http.CallAsync("GET", $"{prefix}/jobs/{id}");
        Assert.Equal(id, job.GetProperty("job_id").GetString());
        Assert.Equal("Clean APNs", job.GetProperty("name").GetString());
        Assert.Equal("simple_scheduler.jobs.clean_apns.CleanAPNsJob", job.GetProperty("job_class_string").GetString());
        Assert.Equal("""["arg1",2]""", job.GetProperty("pub_args").GetRawText());
        Assert.Equal("cron", job.GetProperty("trigger").GetString());
        Assert.Equal("""{"month":"*","day_of_week":"*","day":"*","hour":"*/1","minute":"*"}""", job.GetProperty("trigger_params").GetRawText());
        Assert.Matches(IsoWithOffset, job.GetProperty("next_run_time").GetString());
        var listed = (await _http.CallAsync("GET", $"{prefix}/jobs")).GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("job_id").GetString() == id);
        Assert.Equal(job.GetProperty("trigger_params").GetRawText(), listed.GetProperty("trigger_params").GetRawText());
        var native = await _http.CallAsync("GET", $"/job/default/scheduler/{id}");
        Assert.Equal("simple_scheduler.jobs.clean_apns.CleanAPNsJob", native.GetProperty("route").GetString());
        await _http.CallAsync("DELETE", $"{prefix}/jobs/{id}");
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task Post_DocumentIntervalExample_NextRunTimeIsOneIntervalAhead(string prefix)
    {
        var before = DateTimeOffset.UtcNow;
        var id = await _http.CreateSeedJobAsync(prefix, SchedulerClient.IntervalExample);

        var job = await _http.CallAsync("GET", $"{prefix}/jobs/{id}");
        Assert.Equal("""{"interval":3600}""", job.GetProperty("trigger_params").GetRawText());
        var next = DateTimeOffset.Parse(job.GetProperty("next_run_time").GetString()!);
        Assert.InRange(next, before.AddSeconds(3599), DateTimeOffset.UtcNow.AddSeconds(3601));
        await _http.CallAsync("DELETE", $"{prefix}/jobs/{id}");
    }

    [Theory]
    [InlineData("""{"hour": "3"}""", @"T03:00:00\+00:00$")]
    [InlineData("""{"hour": 3, "minute": 30, "timezone": "Europe/Paris"}""", @"T03:30:00\+0[12]:00$")]
    [InlineData("""{"day_of_week": "sun", "hour": "0"}""", @"T00:00:00\+00:00$")]
    public async Task Post_PartialCron_NextRunTimeFollowsApschedulerRules(string triggerParams, string expected)
    {
        var id = await _http.CreateSeedJobAsync("/api/v1", SchedulerClient.Job("r", "cron", triggerParams));

        var next = (await _http.CallAsync("GET", $"/api/v1/jobs/{id}")).GetProperty("next_run_time").GetString()!;
        Assert.Matches(expected, next);
        if (triggerParams.Contains("sun"))
        {
            Assert.Equal(DayOfWeek.Sunday, DateTimeOffset.Parse(next).DayOfWeek);
        }
        await _http.CallAsync("DELETE", $"/api/v1/jobs/{id}");
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task Put_Job_Returns200AndChangesIt(string prefix)
    {
        var id = await _http.CreateSeedJobAsync(prefix, SchedulerClient.CronExample);

        var answer = await _http.CallAsync("PUT", $"{prefix}/jobs/{id}", SchedulerClient.IntervalExample.Replace("Clean APNs", "Renamed"));

        Assert.Equal(id, answer.GetProperty("job_id").GetString());
        var job = await _http.CallAsync("GET", $"{prefix}/jobs/{id}");
        Assert.Equal("Renamed", job.GetProperty("name").GetString());
        Assert.Equal("interval", job.GetProperty("trigger").GetString());
        Assert.Equal("""{"interval":3600}""", job.GetProperty("trigger_params").GetRawText());
        await _http.CallAsync("DELETE", $"{prefix}/jobs/{id}");
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task Delete_Job_Returns200AndItIsGone(string prefix)
    {
        var id = await _http.CreateSeedJobAsync(prefix, SchedulerClient.IntervalExample);

        var answer = await _http.CallAsync("DELETE", $"{prefix}/jobs/{id}");

        Assert.Equal(id, answer.GetProperty("job_id").GetString());
        await SchedulerClient.AssertSeedErrorAsync(await _http.SendAsync("GET", $"{prefix}/jobs/{id}"), HttpStatusCode.BadRequest);
        Assert.DoesNotContain((await _http.CallAsync("GET", $"{prefix}/jobs")).GetProperty("jobs").EnumerateArray(),
            j => j.GetProperty("job_id").GetString() == id);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task PatchThenOptions_PausesAndResumes_NextRunTimeEmptyWhilePausedEvenAfterPut(string prefix)
    {
        var id = await _http.CreateSeedJobAsync(prefix, SchedulerClient.IntervalExample);
        string NextRunTime(JsonElement job) => job.GetProperty("next_run_time").GetString()!;

        Assert.Equal(id, (await _http.CallAsync("PATCH", $"{prefix}/jobs/{id}")).GetProperty("job_id").GetString());
        Assert.Equal("", NextRunTime(await _http.CallAsync("GET", $"{prefix}/jobs/{id}")));
        Assert.Equal("", NextRunTime((await _http.CallAsync("GET", $"{prefix}/jobs")).GetProperty("jobs").EnumerateArray()
            .Single(j => j.GetProperty("job_id").GetString() == id)));

        await _http.CallAsync("PUT", $"{prefix}/jobs/{id}", SchedulerClient.CronExample);
        Assert.Equal("", NextRunTime(await _http.CallAsync("GET", $"{prefix}/jobs/{id}")));

        var resumed = await _http.SendAsync("OPTIONS", $"{prefix}/jobs/{id}");
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal($$"""{"job_id":"{{id}}"}""", await resumed.Content.ReadAsStringAsync());
        Assert.Matches(IsoWithOffset, NextRunTime(await _http.CallAsync("GET", $"{prefix}/jobs/{id}")));
        await _http.CallAsync("DELETE", $"{prefix}/jobs/{id}");
    }
}
