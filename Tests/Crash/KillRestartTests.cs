using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;
using static TimerGrid.Tests.Fixtures.WebhookReceiver;

namespace TimerGrid.Tests.Crash;

/// <summary>kill -9 the single node: every job that got a 200 must still fire, and every job whose delete got a 200 must not.</summary>
public sealed class KillRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDir _dataDir = new();
    private WebhookReceiver _receiver = null!;

    [Fact]
    public async Task KillDashNine_WhileCreatingJobs_EveryAcknowledgedJobFiresAfterRestart()
    {
        var settings = TestSettings.For(_dataDir.Path);
        var port = FreePort.Next();
        var acknowledged = new ConcurrentBag<(string Id, long TriggerTime)>();

        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = silo.Url };
            await http.CreateRouteAsync("kill", "r", _receiver.UrlFor("kill"));
            var start = RestCalls.Now;
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var clients = Enumerable.Range(0, 8).Select(client => CreateUntilKilledAsync(http, client, start, acknowledged, stop.Token)).ToArray();
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            silo.Kill();   // mid-stream: some requests are in flight
            await Task.WhenAll(clients);
        }
        Assert.NotEmpty(acknowledged);
        // Stay down until some jobs are overdue; the rest fall due after the restart.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var dueWhileDown = acknowledged.Count(j => j.TriggerTime < RestCalls.Now);

        var restarted = Stopwatch.StartNew();
        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            var answeredAfterMs = restarted.ElapsedMilliseconds;
            foreach (var (id, _) in acknowledged)
            {
                await _receiver.WaitForAsync($"kill/c/{id}", timeout: TimeSpan.FromSeconds(90));
            }
            var duplicates = acknowledged.Sum(j => _receiver.For($"kill/c/{j.Id}").Count - 1);
            output.WriteLine($"{acknowledged.Count} acknowledged ({dueWhileDown} due while down), " +
                $"all fired; node answered {answeredAfterMs} ms after restart, last fired {restarted.ElapsedMilliseconds} ms after; {duplicates} duplicates");
        }
    }

    [Fact]
    public async Task KillDashNine_BetweenRetries_AttemptsCarryOnAfterRestart()
    {
        var settings = TestSettings.For(_dataDir.Path);
        var port = FreePort.Next();
        var url = _receiver.UrlFor("between-retries", hit => hit == 1 ? new WebhookReceiver.Answer(503, "4") : new WebhookReceiver.Answer(200));
        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            using var http = new HttpClient { BaseAddress = silo.Url };
            await http.CreateRouteAsync("retry", "r", url);
            await http.CreateJobAsync("retry", "c", "j", RestCalls.Now, "r");
            await _receiver.WaitForAsync("retry/c/j");
            while ((await http.GetJsonAsync("/job/retry/c/j")).GetProperty("attempts").GetInt32() != 1)
            {
                await Task.Delay(50);
            }
            silo.Kill();
        }

        await using (var silo = await TimerGridProcess.StartAsync(port, settings))
        {
            var attempts = await _receiver.WaitForAsync("retry/c/j", count: 2);
            Assert.Equal("2", attempts[1].Header("TimerGrid-Attempt"));
            Assert.Equal(attempts[0].Header("webhook-id"), attempts[1].Header("webhook-id"));
            using var http = new HttpClient { BaseAddress = silo.Url };
            var job = await http.WaitForStatusAsync("/job/retry/c/j", "delivered");
            Assert.Equal(2, job.GetProperty("attempts").GetInt32());
        }
    }

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
            await http.CreateJobAsync("kill", "c", "deleted", RestCalls.Now, "held");
            await http.CreateJobAsync("kill", "c", "witness", RestCalls.Now, "held");
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

    private static async Task CreateUntilKilledAsync(HttpClient http, int client, long start, ConcurrentBag<(string, long)> acknowledged, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var id = $"c{client}-{n}";
            var trigger = start + 1000 + (n * 97 + client * 131) % 5000;   // due 1-6 s after start: mostly while the node is down
            try
            {
                var response = await http.PostJsonAsync("/job/kill/c", $$"""{"id":"{{id}}","trigger_time":{{trigger}},"meta":{"n":{{n}}},"route":"r"}""");
                if (response.IsSuccessStatusCode)
                {
                    acknowledged.Add((id, trigger));
                }
            }
            catch (HttpRequestException)
            {
                return;   // killed
            }
        }
    }

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _dataDir.Dispose();
    }
}
