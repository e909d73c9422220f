using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Testing;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Testing;

/// <summary>Every way in works on the test clock: the typed client with a GRAIN route to the test's grain, seed 003, seed 002.</summary>
[Collection(TestHostCollection.Name)]
public sealed class TestHostSurfaceTests(TestHostFixture fixture)
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task TypedClient_GrainRoute_CallsTheTestsOwnGrainWhenTheClockGetsThere()
    {
        var grid = fixture.Grid;
        await grid.Client.Routes("kit").CreateGrainAsync<IRecordingCallback>("callback", "{id}");
        var at = grid.Now.AddDays(7);
        await grid.Client.Jobs("kit", "grains").ScheduleAsync("week", at, new { Week = 1 }, "callback");

        await grid.AdvanceAsync(TimeSpan.FromDays(7));

        var call = Assert.Single(fixture.Inbox.For("kit/grains/week"));
        Assert.Equal(at.ToUnixTimeMilliseconds(), call.Fired.ScheduledTime);
        Assert.Equal("week", call.GrainKey);
        Assert.Equal(JobStatus.Delivered, (await grid.Client.Jobs("kit", "grains").GetAsync("week"))!.Status);
    }

    [Fact]
    public async Task SchedulerApi_IntervalJob_RunsOncePerIntervalOfTheTestClock()
    {
        var grid = fixture.Grid;
        (await _http.PostAsJsonAsync("/route/default", new { id = "kit-reports", type = "REST", webhook_url = grid.Webhooks.UrlFor("scheduler") }))
            .EnsureSuccessStatusCode();
        var created = await _http.PostAsJsonAsync("/api/v1/jobs",
            new { job_class_string = "kit-reports", name = "hourly", pub_args = Array.Empty<string>(), trigger = "interval", trigger_params = new { interval = 3600 } });
        var jobId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("job_id").GetString()!;

        await grid.AdvanceAsync(TimeSpan.FromHours(3));

        Assert.Equal(3, grid.Webhooks.For($"default/scheduler/{jobId}").Count);
    }

    [Fact]
    public async Task QueueApi_DelayedJob_IsTakeableOnceTheClockPassesItsDelay()
    {
        var grid = fixture.Grid;
        using var enqueue = new HttpRequestMessage(HttpMethod.Post, "/jobs") { Content = JsonContent.Create(new { queue = "kit-mail", @params = new { to = "a" } }) };
        enqueue.Headers.Add("X-Accepted-Delay", "3600");
        Assert.Equal(HttpStatusCode.Accepted, (await _http.SendAsync(enqueue)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await WantJobAsync()).StatusCode);
        await grid.AdvanceAsync(TimeSpan.FromHours(1));
        var taken = await WantJobAsync();

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal("a", (await taken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("params").GetProperty("to").GetString());
    }

    [Fact]
    public void Services_OnlyTimerGridAndGrainTimersFollowTheTestClock_OrleansMachineryKeepsRealTime()
    {
        var services = fixture.Grid.Services;
        Assert.IsAssignableFrom<FakeTimeProvider>(services.GetRequiredService<TimeProvider>());
        Assert.Same(fixture.Grid.Clock, services.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Grains));
        Assert.Same(TimeProvider.System, services.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Membership));
        Assert.Same(TimeProvider.System, services.GetRequiredKeyedService<TimeProvider>(TimeProviderNames.Messaging));
        Assert.Same(TimeProvider.System, services.GetRequiredKeyedService<TimeProvider>(Orleans.Reminders.ReminderTimeProviderNames.Reminders));
    }

    [Fact]
    public async Task Advance_Backwards_IsRefusedAndChangesNothing()
    {
        var grid = fixture.Grid;
        var now = grid.Now;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grid.AdvanceToAsync(now.AddSeconds(-1)));
        Assert.Equal(now, grid.Now);
    }

    private async Task<HttpResponseMessage> WantJobAsync()
    {
        using var want = new HttpRequestMessage(HttpMethod.Post, "/want_job");
        want.Headers.Add("X-Accepted-Queue", "kit-mail");
        return await _http.SendAsync(want);
    }
}
