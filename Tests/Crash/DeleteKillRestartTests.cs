using System.Net;
using TimerGrid.Tests.Fixtures;
using static TimerGrid.Tests.Fixtures.WebhookReceiver;

namespace TimerGrid.Tests.Crash;

/// <summary>A delete queued during a delivery is durable: kill -9 before the delivery ends, and the job is deleted, not fired again.</summary>
public sealed class DeleteKillRestartTests : IAsyncLifetime
{
    private readonly TempDir _dataDir = new();
    private WebhookReceiver _receiver = null!;

    [Fact]
    public async Task KillDashNine_WhileQueuedForDeletion_IsDeletedNotFiredAgainAfterRestart()
    {
        var settings = TestSettings.For(_dataDir.Path);
        settings["TimerGrid:Delivery:AttemptTimeout"] = "00:01:00";   // the receiver holds both deliveries until the kill
        var port = FreePort.Next();
        var held = _receiver.UrlFor("held", _ => new Answer(200, Delay: TimeSpan.FromSeconds(10)));
        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = silo.Url };
            await http.CreateRouteAsync("kill", "held", held);
            await http.CreateJobAsync("kill", "c", "deleted", TimerGridClient.Now, "held");
            await http.CreateJobAsync("kill", "c", "witness", TimerGridClient.Now, "held");
            await _receiver.WaitForAsync("kill/c/deleted");
            await _receiver.WaitForAsync("kill/c/witness");

            var response = await http.DeleteAsync("/job/kill/c/deleted");

            await response.EnsureOkAsync();
            Assert.Contains("queued_for_deletion", await response.Content.ReadAsStringAsync());
            silo.Kill();   // both deliveries are still in flight: neither was acknowledged
        }

        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            // At least once: the witness's unacknowledged delivery is made again, woken with the other job after the restart.
            await _receiver.WaitForAsync("kill/c/witness", count: 2, timeout: TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = silo.Url };
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/job/kill/c/deleted")).StatusCode);
            Assert.Single(_receiver.For("kill/c/deleted"));
        }
    }

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _dataDir.Dispose();
    }
}
