using System.Runtime.ExceptionServices;
using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Queues;

namespace TimerGrid.Grains.Queues;

/// <summary>
/// The in-memory index of one shard's available jobs. Reentrant: a batch of takes waits for its job grains without
/// holding up other takes and adds. Kept alive while the silo runs: the index is not persisted (the job rows are the truth, and
/// <see cref="QueueRecovery"/> puts queued jobs back after a restart or a silo's death).
/// </summary>
[GrainType("queueshard"), Reentrant, KeepAlive]
internal sealed class QueueShardGrain : Grain, IQueueShardGrain
{
    private readonly SortedSet<QueueEntry> _entries = [];
    private readonly Dictionary<string, QueueEntry> _byId = [];
    private long _version;
    private int _unreported;
    private Task _reporting = Task.CompletedTask;
    private Task? _nextReport;

    private string Key => this.GetPrimaryKeyString();

    public Task AddAsync(QueueEntry entry) => AddManyAsync([entry]);

    /// <summary>Done once the directory heard of the entries (the job is takeable when its enqueue is answered).</summary>
    public Task AddManyAsync(QueueEntry[] entries)
    {
        foreach (var entry in entries)
        {
            if (_byId.TryAdd(entry.ItemId, entry))
            {
                _entries.Add(entry);
            }
        }
        // Every arrival is reported (not only a new best entry): each one may wake a waiting worker.
        _unreported += entries.Length;
        return _nextReport ??= ReportAsync();
    }

    /// <summary>One report to the directory at a time: the arrivals while one is out go together in the next.</summary>
    private async Task ReportAsync()
    {
        try
        {
            await _reporting;
        }
        catch
        {
            // the adds that report carried heard of its failure
        }
        await Task.Yield();   // lets the caller hold this report in _nextReport before it goes
        _nextReport = null;
        var arrived = _unreported;
        _unreported = 0;
        _reporting = Directory.HeadChangedAsync(Key, _entries.Min, ++_version, arrived);
        await _reporting;
    }

    public async Task<ShardTake> TakeAsync(int count, TimeSpan? visibility)
    {
        var taken = new List<QueueItemView>(count);
        var failures = new List<Exception>();
        while (taken.Count < count && _entries.Count > 0 && failures.Count == 0)
        {
            var entries = new List<QueueEntry>(count - taken.Count);
            while (entries.Count < count - taken.Count && _entries.Min is { } entry)
            {
                Remove(entry);
                entries.Add(entry);
            }
            // Their state writes go out together, and share the group commit.
            var items = await Task.WhenAll(entries.Select(entry => TakeAsync(entry, visibility, failures)));
            taken.AddRange(items.OfType<QueueItemView>());
        }
        if (taken.Count == 0 && failures.Count > 0)
        {
            ExceptionDispatchInfo.Throw(failures[0]);
        }
        return new ShardTake([.. taken], _entries.Min, _version);
    }

    /// <summary>
    /// The job's take; null when it was no longer queued (taken, finished or deleted since it was indexed), or when the
    /// call failed: then the job is still queued in storage, and keeps its place.
    /// </summary>
    private async Task<QueueItemView?> TakeAsync(QueueEntry entry, TimeSpan? visibility, List<Exception> failures)
    {
        try
        {
            return await GrainFactory.GetGrain<IQueueItemGrain>(entry.ItemId).TakeAsync(visibility);
        }
        catch (Exception e)
        {
            if (_byId.TryAdd(entry.ItemId, entry))
            {
                _entries.Add(entry);
            }
            failures.Add(e);
            return null;
        }
    }

    private void Remove(QueueEntry entry)
    {
        _entries.Remove(entry);
        _byId.Remove(entry.ItemId);
        _version++;
    }

    private IQueueDirectoryGrain Directory => GrainFactory.GetGrain<IQueueDirectoryGrain>(QueueShards.DbOf(Key));
}
