using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Queues;

namespace TimerGrid.Grains.Queues;

/// <summary>
/// The in-memory index of one shard's available jobs. Reentrant: a take waits for its job grain without holding up
/// other takes and adds. Kept alive while the silo runs: the index is not persisted (the job rows are the truth, and
/// <see cref="QueueRecovery"/> puts queued jobs back after a restart or a silo's death).
/// </summary>
[GrainType("queueshard"), Reentrant, KeepAlive]
internal sealed class QueueShardGrain : Grain, IQueueShardGrain
{
    private readonly SortedSet<QueueEntry> _entries = [];
    private readonly Dictionary<string, QueueEntry> _byId = [];
    private long _version;

    private string Key => this.GetPrimaryKeyString();

    public Task AddAsync(QueueEntry entry) => AddManyAsync([entry]);

    public async Task AddManyAsync(QueueEntry[] entries)
    {
        foreach (var entry in entries)
        {
            if (_byId.TryAdd(entry.ItemId, entry))
            {
                _entries.Add(entry);
            }
        }
        // Every arrival is reported (not only a new best entry): each one may wake a waiting worker.
        await Directory.HeadChangedAsync(Key, _entries.Min, ++_version, entries.Length);
    }

    public async Task<ShardTake> TakeAsync(TimeSpan? visibility)
    {
        while (_entries.Min is { } entry)
        {
            Remove(entry);
            QueueItemView? item;
            try
            {
                item = await GrainFactory.GetGrain<IQueueItemGrain>(entry.ItemId).TakeAsync(visibility);
            }
            catch
            {
                // The job is still queued in storage: keep its place.
                if (_byId.TryAdd(entry.ItemId, entry))
                {
                    _entries.Add(entry);
                }
                throw;
            }
            if (item is not null)
            {
                return new ShardTake(item, _entries.Min, _version);
            }
        }
        return new ShardTake(null, null, _version);
    }

    private void Remove(QueueEntry entry)
    {
        _entries.Remove(entry);
        _byId.Remove(entry.ItemId);
        _version++;
    }

    private IQueueDirectoryGrain Directory => GrainFactory.GetGrain<IQueueDirectoryGrain>(QueueShards.DbOf(Key));
}
