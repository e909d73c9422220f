namespace TimerGrid.Tests.Fixtures;

/// <summary>Settings every test node runs with: its own data dir and ports, and retries fast enough to watch.</summary>
public static class TestSettings
{
    /// <summary>The bootstrap API key of nodes that require keys (cluster mode, or forced).</summary>
    public const string BootstrapKey = "test-bootstrap-key-0123456789abcdef0123456789";

    /// <summary>
    /// <see cref="For"/> on <paramref name="storage"/>: <c>Sqlite</c> in the data dir, or <c>Postgres</c> on a new database
    /// of the shared private server (keys off, as on a single node).
    /// </summary>
    public static async Task<Dictionary<string, string?>> ForAsync(string dataDir, string storage)
    {
        var settings = For(dataDir);
        if (storage == "Postgres")
        {
            settings["TimerGrid:Storage"] = storage;
            settings["TimerGrid:ConnectionString"] = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
            settings["TimerGrid:Auth:Enabled"] = "false";
        }
        return settings;
    }

    public static Dictionary<string, string?> For(string dataDir) => new()
    {
        ["TimerGrid:DataDir"] = dataDir,
        ["TimerGrid:SiloPort"] = FreePort.Next().ToString(),
        ["TimerGrid:GatewayPort"] = FreePort.Next().ToString(),
        ["TimerGrid:ServiceId"] = "tests",
        ["TimerGrid:Delivery:RetryBaseDelay"] = "00:00:00.200",
        ["TimerGrid:Delivery:MaxAttempts"] = "4",
        ["TimerGrid:Delivery:AttemptTimeout"] = "00:00:05",
    };
}
