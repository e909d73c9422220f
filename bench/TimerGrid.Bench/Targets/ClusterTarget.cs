using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Targets;

/// <summary>
/// TimerGrid in cluster mode as <c>k8s/</c> deploys it: <paramref name="silos"/> silos on one PostgreSQL database
/// behind <see cref="Gateways"/> standalone gateways (<c>k8s/gateway.yaml</c>'s replicas), each a process of its own;
/// jobs are created over REST through the gateways, the load's connections spread across them. The gateways start
/// once every silo is active in the membership table, so that each knows all silos from its first gateway list.
/// </summary>
internal sealed partial class ClusterTarget(int silos) : ITarget
{
    public const int Gateways = 2;
    private const int MaxSilos = 16;
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The scenarios a cluster runs: those that drive load and read CPU, not those that kill, restart or read one node.</summary>
    public static readonly string[] Scenarios = ["burst", "spread", "capacity"];

    public string Name => $"timergrid-postgres-{silos}{SiloNoun}";

    public string Title => $"TimerGrid · PostgreSQL · {silos} {SiloNoun} + {Gateways} gateways · REST";

    public bool NeedsPostgres => true;

    private string SiloNoun => silos == 1 ? "silo" : "silos";

    /// <summary>The target a name such as <c>timergrid-postgres-3silos</c> (or <c>-1silo</c>) calls for, or null.</summary>
    public static ClusterTarget? Parse(string name) =>
        NamePattern().Match(name) is { Success: true } match && int.TryParse(match.Groups[1].Value, out var count) && count is > 0 and <= MaxSilos
            ? new ClusterTarget(count)
            : null;

    public async Task<Deployment> DeployAsync(BenchEnvironment environment, string workDir, Receiver receiver)
    {
        var database = await environment.CreateDatabaseAsync(this);
        var settings = TimerGridSettings.OnPostgres(database);
        var siloProcesses = TargetProcess.Numbered(TargetProcess.Silo, silos, i =>
        {
            var ports = TimerGridSettings.Ports(FreePort.Next(), FreePort.Next());
            return new NodeProcess(environment.Paths.SiloDll, () => [.. settings, "--TimerGrid:AdvertisedIp=127.0.0.1", .. ports], Path.Combine(workDir, $"silo{i}.log"));
        });
        var gateways = TargetProcess.Numbered(TargetProcess.Gateway, Gateways, i =>
            new NodeProcess(environment.Paths.GatewayDll, () => settings, Path.Combine(workDir, $"gateway{i}.log"), readyPath: "/readyz"));
        return await Deployment.StartAsync([.. siloProcesses, .. gateways], database, async () =>
        {
            var started = Stopwatch.StartNew();
            await Task.WhenAll(siloProcesses.Select(s => s.Process.StartAsync()));
            await WaitUntilActiveAsync(database);
            await Task.WhenAll(gateways.Select(g => g.Process.StartAsync()));
            return started.Elapsed;
        }, async () =>
        {
            var clients = gateways.Select(g => new RestJobClient(g.Process.Url)).ToArray();
            await clients[0].CreateRouteAsync(receiver.HookUrl);
            return new RoundRobinJobClient(clients);
        });
    }

    /// <summary>Waits until every silo is <c>Active</c> in the membership table: all have joined the cluster.</summary>
    private async Task WaitUntilActiveAsync(PostgresDatabase database)
    {
        var waited = Stopwatch.StartNew();
        var active = 0L;
        while (waited.Elapsed < JoinTimeout)
        {
            active = await CountActiveAsync(database);
            if (active == silos)
            {
                Console.Error.WriteLine($"   {silos} {SiloNoun} active in the membership table after {waited.Elapsed.TotalSeconds:F1} s");
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{active} of {silos} silos active in the membership table after {JoinTimeout}");
    }

    private static async Task<long> CountActiveAsync(PostgresDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM OrleansMembershipTable WHERE Status = $1", connection)
        {
            Parameters = { new() { Value = (int)SiloStatus.Active } },
        };
        try
        {
            return (long)(await count.ExecuteScalarAsync())!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;   // no silo has created the schema yet
        }
    }

    [GeneratedRegex(@"^timergrid-postgres-(\d+)silos?$")]
    private static partial Regex NamePattern();
}
