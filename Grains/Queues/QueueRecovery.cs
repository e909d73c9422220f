using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Queues;
using TimerGrid.Grains.Jobs;

namespace TimerGrid.Grains.Queues;

/// <summary>
/// Puts queue jobs back where the state rows say they are after memory was lost: at silo start and when a silo dies,
/// every queued job back into its shard and every due one woken; on every sweep, every taken or finished job whose
/// visibility, job timeout, callback or expiry is overdue (its timer died with its activation).
/// </summary>
internal sealed partial class QueueRecovery(
    StoredQueries queries,
    IGrainFactory grains,
    IClusterMembershipService membership,
    IOptions<FiringOptions> firing,
    TimeProvider clock,
    ILogger<QueueRecovery> logger) : StateRowRecovery(membership, firing, clock)
{
    private const int Concurrency = 64;

    protected override Task StartedAsync() => RequeueAsync("start-up");

    protected override Task SweptAsync(long overdue) => WakeAsync("sweep", async () => await ReadDueIdsAsync(overdue));

    protected override Task SilosDiedAsync(IReadOnlyList<SiloAddress> died) => RequeueAsync("silo death");

    private Task RequeueAsync(string reason) => WakeAsync(reason, async () =>
    {
        var queued = await queries.ReadAsync(QueueQueryKeys.QueuedItems, _ => { }, row => row.GetString(0), Stopping);
        return [.. queued, .. await ReadDueIdsAsync(Now)];
    });

    /// <summary>The ids of queue jobs not waiting for a worker whose visibility, timeout, callback or expiry is due at or before <paramref name="until"/>.</summary>
    private Task<List<string>> ReadDueIdsAsync(long until) =>
        queries.ReadAsync(QueueQueryKeys.DueQueueItems, c => c.Add("Until", until), row => row.GetString(0), Stopping);

    private async Task WakeAsync(string reason, Func<Task<List<string>>> read)
    {
        try
        {
            var ids = await read();
            if (ids.Count == 0)
            {
                return;
            }
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = Stopping },
                async (id, _) => await grains.GetGrain<IQueueItemGrain>(id).WakeAsync());
            LogWoken(reason, ids.Count);
        }
        catch (Exception e) when (!Stopping.IsCancellationRequested)
        {
            LogFailed(reason, e);   // the next sweep tries again
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue recovery ({Reason}) woke {Count} queue jobs")]
    private partial void LogWoken(string reason, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue recovery ({Reason}) failed; it runs again at the next sweep")]
    private partial void LogFailed(string reason, Exception exception);
}
