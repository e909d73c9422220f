using System.Data.Common;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Queues;
using TimerGrid.Grains.Jobs;

namespace TimerGrid.Grains.Queues;

/// <summary>
/// Puts queue jobs back where the state rows say they are after memory was lost: at silo start and when a silo dies,
/// every queued job back into its shard (straight from its row, in batches: no job's grain is activated until a worker
/// takes it) and every due one woken; on every sweep, every taken or finished job whose visibility, job timeout,
/// callback or expiry is overdue (its timer died with its activation).
/// </summary>
internal sealed partial class QueueRecovery(
    StoredQueries queries,
    IGrainFactory grains,
    IOptions<QueueOptions> options,
    IClusterMembershipService membership,
    IOptions<FiringOptions> firing,
    TimeProvider clock,
    ILogger<QueueRecovery> logger) : StateRowRecovery(membership, firing, clock)
{
    private const int Concurrency = 64;
    /// <summary>Queued jobs read at a time: a first take need not wait for a whole backlog to be indexed.</summary>
    private const int EntriesPerPage = 10_000;

    protected override Task StartedAsync() => RequeueAsync("start-up");

    protected override Task SweptAsync(long overdue) => WakeAsync("sweep", async () => await ReadDueIdsAsync(overdue));

    protected override Task SilosDiedAsync(IReadOnlyList<SiloAddress> died) => RequeueAsync("silo death");

    /// <summary>Page by page, each page's entries into their shards before the next is read: workers take from the first page on.</summary>
    private async Task RequeueAsync(string reason)
    {
        try
        {
            var (count, afterId) = (0, "");
            while (true)
            {
                var page = await queries.ReadAsync(QueueQueryKeys.QueuedEntries, c =>
                {
                    c.Add("AfterId", afterId);
                    c.Add("Limit", EntriesPerPage);
                }, ShardEntry, Stopping);
                await Parallel.ForEachAsync(page.GroupBy(e => e.Shard), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = Stopping },
                    async (shard, _) => await grains.GetGrain<IQueueShardGrain>(shard.Key).AddManyAsync([.. shard.Select(e => e.Entry)]));
                count += page.Count;
                if (page.Count < EntriesPerPage)
                {
                    break;
                }
                afterId = page[^1].Entry.ItemId;
            }
            LogRequeued(reason, count);
        }
        catch (Exception e) when (!Stopping.IsCancellationRequested)
        {
            LogFailed(reason, e);   // the next silo start or death reads them again
        }
        await WakeAsync(reason, async () => await ReadDueIdsAsync(Now));
    }

    private (string Shard, QueueEntry Entry) ShardEntry(DbDataReader row)
    {
        var (id, db, queue) = (row.GetString(0), row.GetString(1), row.GetString(2));
        return (QueueShards.KeyFor(db, queue, id, options.Value.Shards), new QueueEntry(id, queue, row.GetInt32(3), row.GetInt64(4), row.GetInt64(5)));
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue recovery ({Reason}) put {Count} queued jobs back into their shards")]
    private partial void LogRequeued(string reason, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue recovery ({Reason}) woke {Count} queue jobs")]
    private partial void LogWoken(string reason, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue recovery ({Reason}) failed; it runs again at the next sweep")]
    private partial void LogFailed(string reason, Exception exception);
}
