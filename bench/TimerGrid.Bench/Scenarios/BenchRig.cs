using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Scenarios;

/// <summary>What a scenario runs against: a fresh node on a fresh data dir, a webhook receiver, a load driver and the route.</summary>
internal sealed class BenchRig(string workDir, NodeProcess node, Receiver receiver, LoadDriver driver) : IAsyncDisposable
{
    public NodeProcess Node => node;

    public Receiver Receiver => receiver;

    public LoadDriver Driver => driver;

    public static async Task<BenchRig> StartAsync(string scenario, string siloDll)
    {
        var workDir = Directory.CreateTempSubdirectory($"timergrid-bench-{scenario}-").FullName;
        var logPath = Path.Combine(workDir, "silo.log");
        var receiver = await Receiver.StartAsync();
        var node = new NodeProcess(siloDll, Path.Combine(workDir, "data"), logPath);
        var startup = await node.StartAsync();
        var driver = new LoadDriver(node.Url);
        await driver.CreateRouteAsync(receiver.HookUrl);
        Console.Error.WriteLine($"   node pid {node.Pid} on {node.Url} answered in {startup.TotalSeconds:F1} s; its log: {logPath}");
        return new BenchRig(workDir, node, receiver, driver);
    }

    /// <summary>Kills the node and deletes its data; the node's log stays for a post-mortem.</summary>
    public async ValueTask DisposeAsync()
    {
        node.Dispose();
        driver.Dispose();
        await receiver.DisposeAsync();
        Directory.Delete(node.DataDir, recursive: true);
        Console.Error.WriteLine($"   deleted {node.DataDir}; {Path.Combine(workDir, "silo.log")} kept");
    }
}
