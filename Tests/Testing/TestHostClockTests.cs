using System.Net.Http.Json;
using TimerGrid.Testing;

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
}
