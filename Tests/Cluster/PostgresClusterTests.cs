using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Tests.Fixtures;
using Xunit.Abstractions;

namespace TimerGrid.Tests.Cluster;

/// <summary>Three silos on PostgreSQL: any silo serves any job, and jobs outlive the silo they lived on.</summary>
public sealed class PostgresClusterTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private const int Jobs = 30;

    [Fact]
    public async Task Jobs_CreatedThroughOneSilo_ReadBackFromEverySiloAndFireOnceEach()
    {
        var silos = fixture.Cluster.Silos;
        var first = ClusterFixture.GrainsOf(silos[0]);
        await first.GetGrain<IRouteGrain>("cl/r").CreateAsync(new RouteSpec(RouteType.Rest, fixture.Receiver.UrlFor("cluster"), null, PayloadStyle.Meta));
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 2000;

        for (var i = 0; i < Jobs; i++)
        {
            await first.GetGrain<IJobGrain>($"cl/c/{i}").CreateAsync(new JobSpec(at + i * 20, $$"""{"i":{{i}}}""", "r"));
        }

        foreach (var silo in silos)
        {
            var view = await ClusterFixture.GrainsOf(silo).GetGrain<IJobGrain>("cl/c/7").GetAsync();
            Assert.Equal(at + 7 * 20, view!.Spec.TriggerTime);
        }
        for (var i = 0; i < Jobs; i++)
        {
            var webhook = (await fixture.Receiver.WaitForAsync($"cl/c/{i}"))[0];
            Assert.True(webhook.ReceivedAtMs >= at + i * 20);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes($$"""{"i":{{i}}}"""), webhook.Body);
        }
        await first.GetGrain<IJobGrain>("cl/c/witness").CreateAsync(new JobSpec(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "{}", "r"));
        await fixture.Receiver.WaitForAsync("cl/c/witness");
        Assert.All(Enumerable.Range(0, Jobs), i => Assert.Single(fixture.Receiver.For($"cl/c/{i}")));
    }

    [Fact]
    public async Task LimitedRoute_JobsOnThreeSilos_HoldTheRateAndConcurrencyTogether()
    {
        const int Count = 240, Rate = 30, Concurrency = 3;
        var client = fixture.Cluster.Client;
        var url = fixture.Receiver.UrlFor("cluster-limited", _ => new WebhookReceiver.Answer(200, Delay: TimeSpan.FromMilliseconds(50)));
        await client.GetGrain<IRouteGrain>("lim/r").CreateAsync(RouteSpec.Webhook(url) with { MaxDispatchesPerSecond = Rate, MaxConcurrentDispatches = Concurrency });
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 2000;
        await client.GetGrain<IJobBatchGrain>(0).CreateAsync("lim", "c", [.. Enumerable.Range(0, Count).Select(i => new NewJob($"{i}", new JobSpec(at, "{}", "r")))]);

        for (var i = 0; i < Count; i++)
        {
            await fixture.Receiver.WaitForAsync($"lim/c/{i}", timeout: TimeSpan.FromSeconds(60));
        }

        var arrivals = fixture.Receiver.ArrivalsMs("lim/c/");
        var busiestSecond = ArrivalWindows.MaxIn(arrivals);
        output.WriteLine($"{Count} jobs on three silos in {arrivals[^1] - arrivals[0]} ms; busiest second {busiestSecond} (limit {Rate}); "
            + $"most at once {fixture.Receiver.MaxInFlight("cluster-limited")} (limit {Concurrency})");
        Assert.True(busiestSecond <= 1.2 * Rate, $"{busiestSecond} requests in one second across three silos, limit {Rate}");
        Assert.True(fixture.Receiver.MaxInFlight("cluster-limited") <= Concurrency, $"{fixture.Receiver.MaxInFlight("cluster-limited")} at once, limit {Concurrency}");
        Assert.All(Enumerable.Range(0, Count), i => Assert.Single(fixture.Receiver.For($"lim/c/{i}")));
    }

    [Fact]
    public async Task Jobs_SiloKilledBeforeTheyFallDue_AllFireOnTheSurvivors()
    {
        var client = fixture.Cluster.Client;
        await client.GetGrain<IRouteGrain>("kl/r").CreateAsync(new RouteSpec(RouteType.Rest, fixture.Receiver.UrlFor("killed"), null, PayloadStyle.Meta));
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 3000;
        for (var i = 0; i < Jobs; i++)
        {
            await client.GetGrain<IJobGrain>($"kl/c/{i}").CreateAsync(new JobSpec(at + i * 50, "{}", "r"));
        }

        await fixture.Cluster.KillSiloAsync(fixture.Cluster.Silos[^1]);

        for (var i = 0; i < Jobs; i++)
        {
            await fixture.Receiver.WaitForAsync($"kl/c/{i}", timeout: TimeSpan.FromSeconds(90));
        }
        var view = await client.GetGrain<IJobGrain>("kl/c/0").GetAsync();
        Assert.Equal(JobStatus.Delivered, view!.Status);
        await fixture.Cluster.StartAdditionalSiloAsync();   // back to three for the other tests
    }
}
