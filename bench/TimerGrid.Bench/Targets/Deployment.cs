using TimerGrid.Bench.Callbacks;
using TimerGrid.Bench.Costs;
using TimerGrid.Bench.Load;
using TimerGrid.Bench.Node;

namespace TimerGrid.Bench.Targets;

/// <summary>One target deployed for one scenario: its running processes, its storage and the client that creates its jobs.</summary>
internal sealed class Deployment(IReadOnlyList<TargetProcess> processes, IBenchStorage storage, IJobClient jobs, TimeSpan startup, PostgresProbe? postgres) : IAsyncDisposable
{
    public IReadOnlyList<TargetProcess> Processes => processes;

    /// <summary>The target's one node, which scenarios kill, restart and read; a cluster has none.</summary>
    public NodeProcess Node => processes is [var only]
        ? only.Process
        : throw new InvalidOperationException($"a cluster of {processes.Count} processes has no single node to kill, restart or read");

    public IBenchStorage Storage => storage;

    public IJobClient Jobs => jobs;

    /// <summary>What its processes and, on PostgreSQL, the database server spend.</summary>
    public CostMeter Costs { get; } = new(processes, postgres);

    /// <summary>From starting the first process until the target was ready.</summary>
    public TimeSpan Startup => startup;

    /// <summary>
    /// Joins a silo hosting the GRAIN route's callback grains to the node's cluster, when the target has that route.
    /// A scenario joins it for its GRAIN half and leaves before anything kills the node: a silo that outlives its
    /// single node's membership table terminates its process.
    /// </summary>
    public Func<Task<CallbackSilo>>? JoinCallbacks { get; private init; }

    /// <summary>Starts a single <paramref name="node"/> on <paramref name="storage"/> and connects; on failure removes both.</summary>
    public static Task<Deployment> StartAsync(TargetProcess node, IBenchStorage storage, Func<Task<IJobClient>> connect, Func<Task<CallbackSilo>>? joinCallbacks = null) =>
        StartAsync([node], storage, node.Process.StartAsync, connect, joinCallbacks);

    /// <summary>Runs <paramref name="start"/>, which starts <paramref name="processes"/>, and connects; on failure kills them and removes the storage.</summary>
    public static async Task<Deployment> StartAsync(
        IReadOnlyList<TargetProcess> processes, IBenchStorage storage, Func<Task<TimeSpan>> start, Func<Task<IJobClient>> connect, Func<Task<CallbackSilo>>? joinCallbacks = null)
    {
        IJobClient? jobs = null;
        try
        {
            var startup = await start();
            jobs = await connect();
            var postgres = storage is PostgresDatabase database ? await PostgresProbe.StartAsync(database) : null;
            return new Deployment(processes, storage, jobs, startup, postgres) { JoinCallbacks = joinCallbacks };
        }
        catch
        {
            StopAll(processes);
            if (jobs is not null)
            {
                await jobs.DisposeAsync();
            }
            await storage.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the processes and removes the storage.</summary>
    public async ValueTask DisposeAsync()
    {
        StopAll(processes);
        await jobs.DisposeAsync();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
        await storage.DisposeAsync();
    }

    private static void StopAll(IEnumerable<TargetProcess> processes)
    {
        foreach (var process in processes)
        {
            process.Process.Dispose();
        }
    }
}
