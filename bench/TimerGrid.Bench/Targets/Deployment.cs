using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;

namespace TimerGrid.Bench.Targets;

/// <summary>One target deployed for one scenario: its running node, its storage and the client that creates its jobs.</summary>
internal sealed class Deployment(NodeProcess node, IBenchStorage storage, IJobClient jobs, TimeSpan startup) : IAsyncDisposable
{
    public NodeProcess Node => node;

    public IBenchStorage Storage => storage;

    public IJobClient Jobs => jobs;

    /// <summary>From starting the node process until <c>/healthz</c> answered.</summary>
    public TimeSpan Startup => startup;

    /// <summary>Starts <paramref name="node"/> on <paramref name="storage"/> and connects; on failure removes both.</summary>
    public static async Task<Deployment> StartAsync(NodeProcess node, IBenchStorage storage, Func<Task<IJobClient>> connect)
    {
        try
        {
            var startup = await node.StartAsync();
            return new Deployment(node, storage, await connect(), startup);
        }
        catch
        {
            node.Dispose();
            await storage.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the node and removes its storage.</summary>
    public async ValueTask DisposeAsync()
    {
        node.Dispose();
        await jobs.DisposeAsync();
        await storage.DisposeAsync();
    }
}
