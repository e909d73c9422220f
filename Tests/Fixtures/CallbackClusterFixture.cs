using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.Metadata;
using Orleans.TestingHost;
using TimerGrid.Grains.Hosting;
using TimerGrid.Grains.Interfaces.Client;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Tests.Fixtures;

/// <summary>
/// A heterogeneous cluster: one TimerGrid silo (without the callback grain class) and two "game" silos that host only
/// <see cref="RecordingCallbackGrain"/>, configured as a user's service joins: the typed client, no TimerGrid grains.
/// </summary>
public sealed class CallbackClusterFixture : IAsyncLifetime
{
    /// <summary>The in-process cluster names its silos Silo_0, Silo_1, …; the first is TimerGrid's.</summary>
    private const string TimerGridSiloName = "Silo_0";

    /// <summary>Attempts before a firing is dead-lettered: enough to outlast a game silo's death (about 8 s of backoff).</summary>
    public const int MaxAttempts = 10;

    private readonly TempDir _dataDir = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public CallbackInbox Inbox { get; } = new();

    public SiloAddress TimerGridSilo => Cluster.Silos.Single(s => s.Name == TimerGridSiloName).SiloAddress;

    /// <summary>The silos whose own manifest lists <see cref="RecordingCallbackGrain"/>.</summary>
    public IEnumerable<SiloAddress> CallbackHosts => Cluster.Silos
        .Where(s => s.ServiceProvider.GetRequiredService<IClusterManifestProvider>().LocalGrainManifest.Grains
            .ContainsKey(s.ServiceProvider.GetRequiredService<GrainTypeResolver>().GetGrainType(typeof(RecordingCallbackGrain))))
        .Select(s => s.SiloAddress);

    /// <summary>The typed client of the cluster's Orleans client.</summary>
    public TimerGridClient Client => Cluster.Client.ServiceProvider.GetRequiredService<TimerGridClient>();

    public async Task InitializeAsync()
    {
        var settings = TestSettings.For(_dataDir.Path);
        settings["TimerGrid:Delivery:MaxAttempts"] = MaxAttempts.ToString();
        settings["TimerGrid:Delivery:RetryMaxDelay"] = "00:00:01";
        settings["TimerGrid:Delivery:AttemptTimeout"] = "00:00:03";
        var builder = new InProcessTestClusterBuilder(3);
        builder.Options.AssumeHomogenousSilosForTesting = false;   // placement must read which silo hosts which grain class
        builder.ConfigureSiloHost((_, host) => host.Configuration.AddInMemoryCollection(settings));
        builder.ConfigureSilo((options, silo) =>
        {
            // Declare a killed silo dead within seconds, as TimerGrid's own clusters do.
            silo.Configure<ClusterMembershipOptions>(o => (o.ProbeTimeout, o.NumMissedProbesLimit) = (TimeSpan.FromSeconds(1), 2));
            if (options.SiloName == TimerGridSiloName)
            {
                silo.UseTimerGrid();
                silo.Configure<GrainTypeOptions>(o => o.Classes.Remove(typeof(RecordingCallbackGrain)));
            }
            else
            {
                ConfigureGameSilo(silo);
            }
        });
        builder.ConfigureClient(client => client.AddTimerGridClient());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        await WaitUntilTheClientKnowsTimerGridAsync();
    }

    /// <summary>
    /// The client learns which grain classes exist from the gateway it reached; a game silo that has not yet heard of
    /// TimerGrid's silo tells it none implements TimerGrid's interfaces, until its manifest refreshes (seen in CI: every
    /// test of the class failed at once, "Could not find an implementation for interface tg.IRouteGrain").
    /// </summary>
    private async Task WaitUntilTheClientKnowsTimerGridAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                Cluster.Client.GetGrain<IRouteGrain>("probe");
                Cluster.Client.GetGrain<IJobGrain>("probe");
                return;
            }
            catch (ArgumentException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>What a user's silo does to join: its own grains, the typed client, and a reminder service (every silo shares the reminder ring).</summary>
    private void ConfigureGameSilo(ISiloBuilder silo)
    {
        silo.UseInMemoryReminderService();
        silo.Services.AddTimerGridClient();
        silo.Services.AddSingleton(Inbox);
        // In one test process every silo could load TimerGrid's grain classes; a user's silo does not have them.
        silo.Configure<GrainTypeOptions>(o => o.Classes.RemoveWhere(c => c.Assembly == typeof(TimerGridSiloBuilderExtensions).Assembly));
    }

    /// <summary>Polls the job until its status is <paramref name="status"/>.</summary>
    public async Task<JobView> WaitForStatusAsync(TimerGridJobs jobs, string id, JobStatus status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var job = await jobs.GetAsync(id);
            if (job?.Status == status)
            {
                return job;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{jobs.Db}/{jobs.Collection}/{id} is {job?.Status}, last error {job?.LastError}");
            }
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _dataDir.Dispose();
    }
}
