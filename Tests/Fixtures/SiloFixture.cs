using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using TimerGrid.Grains.Hosting;
using TimerGrid.Grains.Records;

namespace TimerGrid.Tests.Fixtures;

/// <summary>An in-process Orleans cluster of one silo running TimerGrid, with its record side, on a temp SQLite file.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private readonly TempDir _dataDir = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public WebhookReceiver Receiver { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    internal RecordWriter Records => Cluster.Silos[0].ServiceProvider.GetRequiredService<RecordWriter>();

    public string DatabasePath => Path.Combine(_dataDir.Path, "timergrid.db");

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(TestSettings.For(_dataDir.Path)));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseTimerGrid();
            silo.Services.AddTimerGridRecords();
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Receiver.DisposeAsync();
        _dataDir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
