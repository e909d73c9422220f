using TimerGrid.Bench.Callbacks;
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

    /// <summary>
    /// Joins a silo hosting the GRAIN route's callback grains to the node's cluster, when the target has that route.
    /// A scenario joins it for its GRAIN half and leaves before anything kills the node: a silo that outlives its
    /// single node's membership table terminates its process.
    /// </summary>
    public Func<Task<CallbackSilo>>? JoinCallbacks { get; private init; }

    /// <summary>Starts <paramref name="node"/> on <paramref name="storage"/> and connects; on failure removes both.</summary>
    public static async Task<Deployment> StartAsync(NodeProcess node, IBenchStorage storage, Func<Task<IJobClient>> connect, Func<Task<CallbackSilo>>? joinCallbacks = null)
    {
        try
        {
            var startup = await node.StartAsync();
            return new Deployment(node, storage, await connect(), startup) { JoinCallbacks = joinCallbacks };
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
