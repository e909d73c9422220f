using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using TimerGrid.Grains.Hosting;

namespace TimerGrid.Tests.Fixtures;

/// <summary>Three silos and a client on a private PostgreSQL, with real ADO.NET membership.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private const string ConnectionStringKey = "TimerGrid:ConnectionString";
    private readonly TempDir _dataDir = new();

    public TestCluster Cluster { get; private set; } = null!;

    public WebhookReceiver Receiver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        var builder = new TestClusterBuilder(3);
        builder.Options.UseTestClusterMembership = false;
        foreach (var (key, value) in TestSettings.For(_dataDir.Path))
        {
            builder.Properties[key] = value;
        }
        builder.Properties["TimerGrid:Storage"] = "Postgres";
        builder.Properties[ConnectionStringKey] = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public static IGrainFactory GrainsOf(SiloHandle silo) => ((InProcessSiloHandle)silo).ServiceProvider.GetRequiredService<IGrainFactory>();

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Receiver.DisposeAsync();
        _dataDir.Dispose();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.UseTimerGridMembershipTable().UseTimerGrid();
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", configuration[ConnectionStringKey]));
    }
}
