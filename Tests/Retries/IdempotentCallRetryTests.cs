using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using TimerGrid.Gateway.Retries;
using TimerGrid.Grains.Hosting;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Retries;

/// <summary>The gateway's call filter across a silo fault: a client whose only silo is gone while it calls.</summary>
public sealed class IdempotentCallRetryTests : IAsyncLifetime
{
    private readonly TempDir _dataDir = new();
    private InProcessTestCluster _cluster = null!;

    [Fact]
    public async Task SiloGoneAndBack_AMarkedCallIsSentAgainUntilItAnswers_RunNowFailsAtOnce()
    {
        var job = _cluster.Client.GetGrain<IJobGrain>("retry/c/j");
        await _cluster.Client.GetGrain<IRouteGrain>("retry/r").CreateAsync(new RouteSpec(RouteType.Rest, "http://127.0.0.1:9/", null, PayloadStyle.Meta));
        await job.CreateAsync(new JobSpec(4_000_000_000_000, "{}", "r"));
        await _cluster.StopSiloAsync(_cluster.Silos[0]);

        var runNow = await Record.ExceptionAsync(job.RunNowAsync);
        var clock = Stopwatch.StartNew();
        var get = job.GetAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(get.IsCompleted, $"the get ended while no silo was up: {get.Exception}");
        await _cluster.StartAdditionalSiloAsync();
        var view = await get;

        Assert.True(runNow is not null && ClusterFaults.IsSiloFault(runNow), $"run-now was not refused by the fault: {runNow}");
        Assert.Equal("{}", view?.Spec.Meta);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
    }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(TestSettings.For(_dataDir.Path)));
        builder.ConfigureSilo((_, silo) => silo.UseTimerGrid());
        builder.ConfigureClient(client => client.AddOutgoingGrainCallFilter<IdempotentCallRetry>());
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _dataDir.Dispose();
    }
}
