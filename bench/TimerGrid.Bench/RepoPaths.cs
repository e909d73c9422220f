namespace TimerGrid.Bench;

/// <summary>
/// Where the repository's built nodes and the committed results folder are, found from this binary. The
/// nodes are taken from the configuration the bench itself was built in: Release for figures, Debug when
/// the test suite smoke-runs the harness.
/// </summary>
internal sealed record RepoPaths(string Root)
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public string SiloDll => Path.Combine(Root, "Silo", "bin", Configuration, "net10.0", "TimerGrid.Silo.dll");

    /// <summary>The standalone gateway, an Orleans client of a cluster's silos.</summary>
    public string GatewayDll => Path.Combine(Root, "Gateway", "bin", Configuration, "net10.0", "TimerGrid.Gateway.dll");

    public string PeersDll => Path.Combine(Root, "bench", "TimerGrid.Bench.Peers", "bin", Configuration, "net10.0", "TimerGrid.Bench.Peers.dll");

    public string DefaultResultsDir => Path.Combine(Root, "bench", "results");

    public IEnumerable<string> MissingBuilds => new[] { SiloDll, GatewayDll, PeersDll }.Where(dll => !File.Exists(dll));

    public static RepoPaths Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TimerGrid.sln")))
            {
                return new RepoPaths(dir.FullName);
            }
        }
        throw new InvalidOperationException($"no TimerGrid.sln above {AppContext.BaseDirectory}");
    }
}
