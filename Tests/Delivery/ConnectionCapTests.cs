using TimerGrid.Tests.Fixtures;
using static TimerGrid.Tests.Fixtures.WebhookReceiver;

namespace TimerGrid.Tests.Delivery;

/// <summary>
/// A node keeps at most <c>Delivery:MaxConnectionsPerHost</c> connections to one receiver: a burst due at once waits
/// for them instead of opening one connection per job, and every job is still delivered once.
/// </summary>
public sealed class ConnectionCapTests
{
    private const int Cap = 2, Jobs = 12;

    [Fact]
    public async Task Burst_ToOneReceiver_NeverHoldsMoreConnectionsThanTheCap()
    {
        using var dataDir = new TempDir();
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = TestSettings.For(dataDir.Path);
        settings["TimerGrid:Delivery:MaxConnectionsPerHost"] = Cap.ToString();
        await using var silo = await TimerGridProcess.StartAsync(FreePort.Next(), settings);
        using var http = new HttpClient { BaseAddress = silo.Url };
        // Slow answers keep each connection busy, so without the cap every job would hold one of its own.
        var url = receiver.UrlFor("capped", _ => new Answer(200, Delay: TimeSpan.FromMilliseconds(150)));
        await http.CreateRouteAsync("cap", "r", url);

        await http.CreateJobBatchAsync("cap", "burst", Jobs, RestCalls.Now + 1000, "r");

        for (var i = 0; i < Jobs; i++)
        {
            await receiver.WaitForAsync($"cap/burst/{i}");
        }
        Assert.All(Enumerable.Range(0, Jobs), i => Assert.Single(receiver.For($"cap/burst/{i}")));
        Assert.Equal(Cap, receiver.MaxInFlight("capped"));
    }
}
