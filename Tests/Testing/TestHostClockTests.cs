using System.Net.Http.Json;
using TimerGrid.Testing;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Testing;

/// <summary>Real time passes TimerGrid by unless the test asks for it.</summary>
public sealed class TestHostClockTests
{
    [Fact]
    public async Task AutoAdvance_On_FiresAsRealTimePasses()
    {
        await using var grid = await TimerGridTestHost.StartAsync(new TimerGridTestHostOptions { AutoAdvance = true });
        using var http = grid.CreateHttpClient();
        (await http.PostAsJsonAsync("/route/kit", new { id = "auto", type = "REST", webhook_url = grid.Webhooks.UrlFor("auto") })).EnsureSuccessStatusCode();

        (await http.PostAsJsonAsync("/job/kit/auto", new { id = "soon", trigger_time = grid.Now.AddMilliseconds(300).ToUnixTimeMilliseconds(), route = "auto" }))
            .EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (grid.Webhooks.Received.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Single(grid.Webhooks.Received);
    }

    [Fact]
    public async Task AutoAdvance_Off_RealTimePassingFiresNothing()
    {
        await using var grid = await TimerGridTestHost.StartAsync();
        using var http = grid.CreateHttpClient();
        (await http.PostAsJsonAsync("/route/kit", new { id = "still", type = "REST", webhook_url = grid.Webhooks.UrlFor("still") })).EnsureSuccessStatusCode();
        var start = grid.Now;
        (await http.PostAsJsonAsync("/job/kit/still", new { id = "soon", trigger_time = start.AddMilliseconds(100).ToUnixTimeMilliseconds(), route = "still" }))
            .EnsureSuccessStatusCode();

        await Task.Delay(TimeSpan.FromSeconds(1));   // ten times the job's delay, in real time

        Assert.Empty(grid.Webhooks.Received);
        Assert.Equal(start, grid.Now);
    }

    [Fact]
    public async Task Advance_OwnReceiverNeverAnswering_ThrowsAfterTheSettleTimeoutNamingTheJob()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var grid = await TimerGridTestHost.StartAsync(new TimerGridTestHostOptions { SettleTimeout = TimeSpan.FromSeconds(1) });
        using var http = grid.CreateHttpClient();
        var url = receiver.UrlFor("stuck", _ => new WebhookReceiver.Answer(200, Delay: TimeSpan.FromSeconds(3)));   // longer than the settle timeout
        (await http.PostAsJsonAsync("/route/kit", new { id = "stuck", type = "REST", webhook_url = url })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync("/job/kit/stuck", new { id = "waiting", trigger_time = grid.Now.AddMinutes(1).ToUnixTimeMilliseconds(), route = "stuck" }))
            .EnsureSuccessStatusCode();

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => grid.AdvanceAsync(TimeSpan.FromMinutes(5)));

        Assert.Contains("kit/stuck/waiting", timeout.Message);
    }
}
