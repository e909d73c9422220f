using TimerGrid.Bench.Callbacks;
using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Targets;

/// <summary>A TimerGrid node (the silo with its REST API) on SQLite or PostgreSQL, driven over REST or through an Orleans client.</summary>
/// <param name="settings">Extra node settings (<c>--Key=value</c>) that make this target a variant.</param>
internal sealed class TimerGridTarget(string name, string title, bool onPostgres, bool throughOrleans, params string[] settings) : ITarget
{
    public string Name => name;

    public string Title => title;

    public bool NeedsPostgres => onPostgres;

    /// <summary>
    /// Runs the silo of another build (<c>--baseline-silo</c>) instead of this repository's. Such a build may
    /// not know this one's settings: give it none beyond storage and ports.
    /// </summary>
    public bool FromBaselineBuild { get; init; }

    /// <summary>
    /// A single node on SQLite also has a GRAIN route, whose grains a silo in the bench hosts (joining by the node's
    /// localhost clustering). A baseline build may predate GRAIN routes.
    /// </summary>
    private bool HasGrainRoute => !onPostgres && !FromBaselineBuild;

    public async Task<Deployment> DeployAsync(BenchEnvironment environment, string workDir, Receiver receiver)
    {
        IBenchStorage storage = onPostgres ? await environment.CreateDatabaseAsync(this) : new DataDirStorage(Path.Combine(workDir, "data"));
        var storageArguments = storage switch
        {
            PostgresDatabase database => TimerGridSettings.OnPostgres(database),
            DataDirStorage dataDir => [$"--TimerGrid:DataDir={dataDir.Path}"],
            _ => throw new InvalidOperationException($"no TimerGrid storage {storage.GetType().Name}"),
        };
        // Fixed ports across restarts, as a real node has: an Orleans client finds the node again, and on
        // PostgreSQL the restarted silo supersedes its dead predecessor at the same address at once.
        var (siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next());
        var siloDll = FromBaselineBuild
            ? environment.BaselineSiloDll ?? throw new InvalidOperationException($"{name} needs --baseline-silo")
            : environment.Paths.SiloDll;
        var node = new NodeProcess(
            siloDll,
            () => [.. storageArguments, .. TimerGridSettings.Ports(siloPort, gatewayPort), .. settings],
            Path.Combine(workDir, "node.log"));
        return await Deployment.StartAsync(TargetProcess.Single(TargetProcess.Silo, node), storage, async () =>
        {
            var rest = new RestJobClient(node.Url);
            await rest.CreateRouteAsync(receiver.HookUrl);
            if (HasGrainRoute)
            {
                await rest.CreateGrainRouteAsync(IBenchCallback.Name);
            }
            if (!throughOrleans)
            {
                return rest;
            }
            await rest.DisposeAsync();
            return await OrleansJobClient.ConnectAsync(gatewayPort);
        }, HasGrainRoute ? () => CallbackSilo.JoinAsync(siloPort, receiver) : null);
    }
}
