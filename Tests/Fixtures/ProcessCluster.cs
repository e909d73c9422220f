namespace TimerGrid.Tests.Fixtures;

/// <summary>Silo processes and one standalone gateway process sharing a private PostgreSQL database.</summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private readonly TempDir _dataDir = new();
    private readonly List<(int HttpPort, Dictionary<string, string?> Settings)> _siloSettings = [];
    private readonly List<TimerGridProcess?> _silos = [];
    private TimerGridProcess _gateway = null!;

    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>What the gateway process logged.</summary>
    public string GatewayOutput => _gateway.Output;

    /// <param name="database">The shared PostgreSQL server unless given.</param>
    public static async Task<ProcessCluster> StartAsync(int silos, PostgresServer? database = null)
    {
        var cluster = new ProcessCluster();
        var connectionString = await (database ?? await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
        for (var i = 0; i < silos; i++)
        {
            var settings = cluster.Settings(connectionString);
            settings["TimerGrid:AdvertisedIp"] = "127.0.0.1";
            cluster._siloSettings.Add((FreePort.Next(), settings));
        }
        cluster._silos.AddRange(await Task.WhenAll(cluster._siloSettings.Select(s => TimerGridProcess.StartAsync(s.HttpPort, s.Settings))));
        cluster._gateway = await TimerGridProcess.StartGatewayAsync(FreePort.Next(), cluster.Settings(connectionString));
        // Cluster mode requires API keys: the tests act with the bootstrap key, as a fresh deployment's operator would.
        cluster.Gateway = new HttpClient { BaseAddress = cluster._gateway.Url, DefaultRequestHeaders = { Authorization = new("Bearer", TestSettings.BootstrapKey) } };
        return cluster;
    }

    /// <summary>The REST API of silo <paramref name="index"/> itself, not through the gateway.</summary>
    public Uri SiloUrl(int index) => _silos[index]!.Url;

    /// <summary>The silos started and not killed by the test whose processes ended on their own.</summary>
    public IReadOnlyList<int> SilosThatStopped =>
        Enumerable.Range(0, _silos.Count).Where(i => _silos[i] is { IsRunning: false }).ToList();

    public void KillSilo(int index)
    {
        _silos[index]!.Kill();
        _silos[index] = null;
    }

    /// <summary>Graceful stop (SIGTERM), then start again with the same ports and settings.</summary>
    public async Task RestartSiloAsync(int index)
    {
        await _silos[index]!.StopAsync();
        await _silos[index]!.DisposeAsync();
        var (port, settings) = _siloSettings[index];
        _silos[index] = await TimerGridProcess.StartAsync(port, settings);
    }

    /// <summary>
    /// Starts a silo in place of killed silo <paramref name="index"/> on other ports, as a replacement
    /// machine (or a rescheduled pod) would come up on another address.
    /// </summary>
    public async Task ReplaceKilledSiloAsync(int index, TimeSpan readyWithin)
    {
        var (_, settings) = _siloSettings[index];
        var moved = new Dictionary<string, string?>(settings)
        {
            ["TimerGrid:SiloPort"] = FreePort.Next().ToString(),
            ["TimerGrid:GatewayPort"] = FreePort.Next().ToString(),
        };
        var httpPort = FreePort.Next();
        _siloSettings[index] = (httpPort, moved);
        _silos[index] = await TimerGridProcess.StartAsync(httpPort, moved, readyWithin);
    }

    private Dictionary<string, string?> Settings(string connectionString)
    {
        var settings = TestSettings.For(_dataDir.Path);
        settings["TimerGrid:Storage"] = "Postgres";
        settings["TimerGrid:ConnectionString"] = connectionString;
        settings["TimerGrid:ClusterId"] = "processes";
        settings["TimerGrid:Auth:BootstrapKey"] = TestSettings.BootstrapKey;
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
        foreach (var silo in _silos.OfType<TimerGridProcess>())
        {
            await silo.DisposeAsync();
        }
        _dataDir.Dispose();
    }
}
