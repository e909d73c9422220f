using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;

namespace TimerGrid.Tests.Cluster;

/// <summary>Three silo processes and a gateway process on PostgreSQL, under a steady stream of new jobs.</summary>
public sealed class ProcessFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    [Fact]
    public async Task KillDashNine_OneSiloMidStream_EveryAcknowledgedJobFires()
    {
        await using var cluster = await ProcessCluster.StartAsync(3);
        await cluster.Gateway.CreateRouteAsync("failover", "r", _receiver.UrlFor("failover"));
        var load = new SteadyLoad(cluster.Gateway, "failover", jobsPerSecond: 10, TimeSpan.FromSeconds(30), dueAfter: TimeSpan.FromSeconds(5));

        var running = load.RunAsync();
        await Task.Delay(TimeSpan.FromSeconds(15));
        var killedAt = RestCalls.Now;
        cluster.KillSilo(1);
        await running;

        await AssertAllFiredAsync(load, "failover", $"silo killed at +15 s", killedAt);
    }

    [Fact]
    public async Task RollingRestart_EverySiloInTurn_ClientsSeeNoErrorAndEveryAcknowledgedJobFires()
    {
        await using var cluster = await ProcessCluster.StartAsync(3);
        await cluster.Gateway.CreateRouteAsync("rolling", "r", _receiver.UrlFor("rolling"));
        var load = new SteadyLoad(cluster.Gateway, "rolling", jobsPerSecond: 40, TimeSpan.FromSeconds(45), dueAfter: TimeSpan.FromSeconds(5));

        var running = load.RunAsync();
        var reading = ReadBackAsync(cluster.Gateway, load, "rolling", running);
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await cluster.RestartSiloAsync(i);
        }
        await running;
        var failedReads = await reading;

        var failed = load.Answers.Where(a => !a.IsSuccess).ToList();
        output.WriteLine($"rolling restart: {load.Answers.Count} creates, {failed.Count} not 2xx, " +
            $"longest {load.Answers.Max(a => a.ElapsedMs)} ms; {failedReads.Count} reads not 2xx");
        Assert.True(failed.Count == 0, $"{failed.Count} creates failed: {string.Join("; ", failed.Take(10))}");
        Assert.True(failedReads.Count == 0, $"{failedReads.Count} reads failed: {string.Join("; ", failedReads.Take(10))}");
        await AssertAllFiredAsync(load, "rolling", "each silo restarted in turn", since: null);
    }

    [Fact]
    public async Task PostgresOutage_TenSecondsMidStream_Answers503QuicklyThenHealsAndEveryAcknowledgedJobFires()
    {
        var database = await PostgresServer.StartPrivateAsync();
        await using var cluster = await ProcessCluster.StartAsync(3, database);
        await cluster.Gateway.CreateRouteAsync("outage", "r", _receiver.UrlFor("outage"));
        var load = new SteadyLoad(cluster.Gateway, "outage", jobsPerSecond: 20, TimeSpan.FromSeconds(35), dueAfter: TimeSpan.FromSeconds(5));

        var running = load.RunAsync();
        await Task.Delay(TimeSpan.FromSeconds(8));
        var stoppedAt = RestCalls.Now;
        await database.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await database.StartAgainAsync();
        var backAt = RestCalls.Now;
        await running;

        var during = load.Answers.Where(a => a.SentAtMs >= stoppedAt && a.SentAtMs < backAt).ToList();
        var wrong = load.Answers.Where(a => !a.IsSuccess && !(a.Status == 503 && a.Code == "E503" && a.HasRetryAfter)).ToList();
        var lateFailures = load.Answers.Where(a => !a.IsSuccess && a.SentAtMs > backAt + 5_000).ToList();
        output.WriteLine($"PostgreSQL down {backAt - stoppedAt} ms: {during.Count} creates sent meanwhile, " +
            $"{load.Answers.Count(a => a.Status == 503)} answered 503, {load.Answers.Count(a => a.Status == 500)} answered 500, " +
            $"{load.Answers.Count(a => !a.IsSuccess)} not 2xx in all; longest call {load.Answers.Max(a => a.ElapsedMs)} ms");
        if (wrong.Count > 0 || lateFailures.Count > 0)
        {
            output.WriteLine(cluster.GatewayOutput);
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} answers were neither 2xx nor 503 E503 with Retry-After: {string.Join("; ", wrong.Take(10))}");
        Assert.All(load.Answers, a => Assert.True(a.ElapsedMs <= 5_000, $"{a}"));
        Assert.True(cluster.SilosThatStopped.Count == 0, $"silos {string.Join(", ", cluster.SilosThatStopped)} stopped: the outage cost the cluster silos");
        Assert.True(lateFailures.Count == 0, $"still failing after PostgreSQL was back: {string.Join("; ", lateFailures.Take(10))}");
        await AssertAllFiredAsync(load, "outage", "PostgreSQL stopped for 10 s", since: null, atLeast: 300);
    }

    [Fact]
    public async Task KillDashNine_TheWholeCluster_ASiloOnAnotherAddressTakesOverWithinAMinute()
    {
        await using var cluster = await ProcessCluster.StartAsync(1);
        await cluster.Gateway.CreateRouteAsync("regrow", "r", _receiver.UrlFor("regrow"));
        var load = new SteadyLoad(cluster.Gateway, "regrow", jobsPerSecond: 10, TimeSpan.FromSeconds(5), dueAfter: TimeSpan.FromSeconds(5));
        await load.RunAsync();

        cluster.KillSilo(0);
        // The dead silo is still "active" in the membership table, and the new one must not wait for Orleans'
        // default 90 s of missed IAmAlive updates to get past it.
        await cluster.ReplaceKilledSiloAsync(0, readyWithin: TimeSpan.FromMinutes(1));

        await AssertAllFiredAsync(load, "regrow", "the only silo killed and replaced on another address", since: null, atLeast: 40);
    }

    /// <summary>GETs acknowledged jobs, 20 a second, until <paramref name="until"/> ends; returns the answers that were not 2xx.</summary>
    private static async Task<List<string>> ReadBackAsync(HttpClient gateway, SteadyLoad load, string db, Task until)
    {
        var failed = new List<string>();
        var reads = new List<Task>();
        while (!until.IsCompleted)
        {
            await Task.Delay(50);
            if (load.Acknowledged.Keys.OrderBy(_ => Random.Shared.Next()).FirstOrDefault() is not { } id)
            {
                continue;
            }
            reads.Add(Task.Run(async () =>
            {
                using var response = await gateway.GetAsync($"/job/{db}/c/{id}");
                if (!response.IsSuccessStatusCode)
                {
                    var text = $"GET {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    lock (failed)
                    {
                        failed.Add(text);
                    }
                }
            }));
        }
        await Task.WhenAll(reads);
        return failed;
    }

    private async Task AssertAllFiredAsync(SteadyLoad load, string db, string what, long? since, int atLeast = 200)
    {
        Assert.True(load.Acknowledged.Count >= atLeast, $"only {load.Acknowledged.Count} jobs were acknowledged");
        var lateness = new List<long>();
        foreach (var (id, trigger) in load.Acknowledged)
        {
            var first = (await _receiver.WaitForAsync($"{db}/c/{id}", timeout: TimeSpan.FromSeconds(120)))[0];
            Assert.True(first.ReceivedAtMs >= trigger, $"{id} fired {trigger - first.ReceivedAtMs} ms early");
            if (since is null || trigger >= since)
            {
                lateness.Add(first.ReceivedAtMs - trigger);
            }
        }
        var duplicates = load.Acknowledged.Keys.Sum(id => _receiver.For($"{db}/c/{id}").Count - 1);
        lateness.Sort();
        output.WriteLine($"{what}: {load.Acknowledged.Count} acknowledged, {load.Refused} refused, all fired; " +
            $"{duplicates} duplicates; lateness of jobs due {(since is null ? "throughout" : "after the kill")}: " +
            $"p50 {lateness[lateness.Count / 2]} ms, p99 {lateness[lateness.Count * 99 / 100]} ms, max {lateness[^1]} ms");
    }

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();
}
