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
        var killedAt = TimerGridClient.Now;
        cluster.KillSilo(1);
        await running;

        await AssertAllFiredAsync(load, "failover", $"silo killed at +15 s", killedAt);
    }

    [Fact]
    public async Task RollingRestart_EverySiloInTurn_EveryAcknowledgedJobFires()
    {
        await using var cluster = await ProcessCluster.StartAsync(3);
        await cluster.Gateway.CreateRouteAsync("rolling", "r", _receiver.UrlFor("rolling"));
        var load = new SteadyLoad(cluster.Gateway, "rolling", jobsPerSecond: 10, TimeSpan.FromSeconds(45), dueAfter: TimeSpan.FromSeconds(5));

        var running = load.RunAsync();
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await cluster.RestartSiloAsync(i);
        }
        await running;

        await AssertAllFiredAsync(load, "rolling", "each silo restarted in turn", since: null);
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
