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

    /// <summary>The silo hosting the GRAIN route's callback grains, when the target has that route.</summary>
    public CallbackSilo? Callbacks { get; private init; }

    /// <summary>
    /// Starts <paramref name="node"/> on <paramref name="storage"/>, connects, and joins the callback silo when
    /// <paramref name="joinCallbacks"/> is given; on failure removes the node and its storage.
    /// </summary>
    public static async Task<Deployment> StartAsync(NodeProcess node, IBenchStorage storage, Func<Task<IJobClient>> connect, Func<Task<CallbackSilo>>? joinCallbacks = null)
    {
        try
        {
            var startup = await node.StartAsync();
            var jobs = await connect();
            return new Deployment(node, storage, jobs, startup) { Callbacks = joinCallbacks is null ? null : await joinCallbacks() };
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
        if (Callbacks is not null)
        {
            await Callbacks.DisposeAsync();   // leaves while the node still answers
        }
        node.Dispose();
        await jobs.DisposeAsync();
        await storage.DisposeAsync();
    }
}
