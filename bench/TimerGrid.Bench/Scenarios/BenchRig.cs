using TimerGrid.Bench.Callbacks;
using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Targets;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Scenarios;

/// <summary>What a scenario runs against: one target freshly deployed, a webhook receiver and a load driver.</summary>
internal sealed class BenchRig(ITarget target, string workDir, Deployment deployment, Receiver receiver) : IAsyncDisposable
{
    public ITarget Target => target;

    public NodeProcess Node => deployment.Node;

    public IBenchStorage Storage => deployment.Storage;

    public Receiver Receiver => receiver;

    public LoadDriver Driver { get; } = new(deployment.Jobs);

    /// <summary>True when the target also delivers to the bench's callback grains (<see cref="JobPlan.GrainRoute"/>).</summary>
    public bool HasGrainRoute => deployment.JoinCallbacks is not null;

    /// <summary>Joins the silo hosting the callback grains; dispose it (it leaves) before the node may be killed.</summary>
    public Task<CallbackSilo> JoinCallbackSiloAsync() => deployment.JoinCallbacks!();

    /// <summary>The creation rate a warm-up measured on this node, once one ran (scenarios sharing a rig warm up once).</summary>
    public double? WarmCreationRate { get; set; }

    /// <param name="purpose">The scenario, or <c>compare</c> when the rig serves every scenario in turn.</param>
    public static async Task<BenchRig> StartAsync(BenchEnvironment environment, ITarget target, string purpose)
    {
        var workDir = Directory.CreateTempSubdirectory($"timergrid-bench-{purpose}-{target.Name}-").FullName;
        var receiver = await Receiver.StartAsync();
        try
        {
            var deployment = await target.DeployAsync(environment, workDir, receiver);
            Console.Error.WriteLine($"   {target.Name}: node pid {deployment.Node.Pid} on {deployment.Node.Url} answered in {deployment.Startup.TotalSeconds:F1} s; " +
                $"jobs via {deployment.Jobs.Kind}; its log: {NodeLog(workDir)}");
            return new BenchRig(target, workDir, deployment, receiver);
        }
        catch
        {
            await receiver.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the node and removes its storage; the node's log stays for a post-mortem.</summary>
    public async ValueTask DisposeAsync()
    {
        await deployment.DisposeAsync();
        await receiver.DisposeAsync();
        Console.Error.WriteLine($"   removed {target.Name}'s storage; {NodeLog(workDir)} kept");
    }

    private static string NodeLog(string workDir) => Path.Combine(workDir, "node.log");
}
