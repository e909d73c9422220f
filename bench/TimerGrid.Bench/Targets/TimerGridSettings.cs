namespace TimerGrid.Bench.Targets;

/// <summary>Command-line settings (<c>--Key=value</c>) every TimerGrid process of a target gets.</summary>
internal static class TimerGridSettings
{
    /// <summary>
    /// Cluster mode on <paramref name="database"/>. Cluster mode requires API keys by default; the bench measures
    /// scheduling, as on SQLite (loopback: keys off).
    /// </summary>
    public static string[] OnPostgres(PostgresDatabase database) =>
        ["--TimerGrid:Storage=Postgres", $"--TimerGrid:ConnectionString={database.ConnectionString}", "--TimerGrid:Auth:Enabled=false"];

    /// <summary>A silo's Orleans ports: silo to silo, and the gateway port Orleans clients connect to.</summary>
    public static string[] Ports(int siloPort, int gatewayPort) =>
        [$"--TimerGrid:SiloPort={siloPort}", $"--TimerGrid:GatewayPort={gatewayPort}"];
}
