using TimerGrid.Grains.Interfaces.Queues;
using TimerGrid.Grains.Records;

namespace TimerGrid.Grains.Queues;

/// <summary>
/// Puts queue jobs back where the state rows say they are after memory was lost: at silo start and when a silo dies,
/// every queued job back into its shard; on every sweep of <see cref="Jobs.OverdueJobsCatchUp"/>, every taken or
/// finished job whose visibility, job timeout, callback or expiry is overdue (its timer died with its activation).
/// </summary>
internal sealed partial class QueueRecovery(RecordStore store, IGrainFactory grains, TimeProvider clock, ILogger<QueueRecovery> logger)
{
    private const int Concurrency = 64;

    public async Task RequeueAsync(string reason, CancellationToken cancellationToken)
    {
        var queued = await store.ReadQueuedItemIdsAsync(cancellationToken);
        var due = await store.ReadDueQueueItemIdsAsync(clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        await WakeAsync([.. queued, .. due], reason, cancellationToken);
    }

    public async Task WakeDueAsync(long until, CancellationToken cancellationToken) =>
        await WakeAsync(await store.ReadDueQueueItemIdsAsync(until, cancellationToken), "sweep", cancellationToken);

    private async Task WakeAsync(List<string> ids, string reason, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (id, _) => await grains.GetGrain<IQueueItemGrain>(id).WakeAsync());
        LogWoken(reason, ids.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue recovery ({Reason}) woke {Count} queue jobs")]
    private partial void LogWoken(string reason, int count);
}
