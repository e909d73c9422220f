using TimerGrid.Bench.Callbacks;
using TimerGrid.Bench.Costs;
using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Targets;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Scenarios;

/// <summary>What a scenario runs against: one target freshly deployed, a webhook receiver and a load driver.</summary>
internal sealed class BenchRig(ITarget target, string workDir, Deployment deployment, Receiver receiver) : IAsyncDisposable
{
    public ITarget Target => target;

    /// <summary>The target's one node; a cluster target has none (it runs only the scenarios that need none).</summary>
    public NodeProcess Node => deployment.Node;

    /// <summary>Every process of the target: the node, or a cluster's silos and gateways.</summary>
    public IReadOnlyList<int> Pids => [.. deployment.Processes.Select(p => p.Process.Pid)];

    public CostMeter Costs => deployment.Costs;

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
            var processes = string.Join(", ", deployment.Processes.Select(p => $"{p.Name} pid {p.Process.Pid} on {p.Process.Url}"));
            Console.Error.WriteLine($"   {target.Name}: {processes}; ready in {deployment.Startup.TotalSeconds:F1} s; " +
                $"jobs via {deployment.Jobs.Kind}; logs in {workDir}");
            return new BenchRig(target, workDir, deployment, receiver);
        }
        catch
        {
            await receiver.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the target's processes and removes its storage; their logs stay for a post-mortem.</summary>
    public async ValueTask DisposeAsync()
    {
        await deployment.DisposeAsync();
        await receiver.DisposeAsync();
        Console.Error.WriteLine($"   removed {target.Name}'s storage; the logs in {workDir} kept");
    }
}
