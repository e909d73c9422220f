namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>
/// One shard of one queue, keyed <c>db/queue/n</c>: an in-memory index of the available jobs hashed to it, rebuilt
/// from the job state rows after a restart. It reports its best entry to the db's <see cref="IQueueDirectoryGrain"/>.
/// </summary>
[Alias("tg.IQueueShardGrain")]
public interface IQueueShardGrain : IGrainWithStringKey
{
    /// <summary>Indexes an available job (again: an entry already there stays once).</summary>
    [Alias("Add")] Task AddAsync(QueueEntry entry);

    /// <summary>Indexes available jobs read back from storage, as <see cref="AddAsync"/> does each.</summary>
    [Alias("AddMany")] Task AddManyAsync(QueueEntry[] entries);

    /// <summary>
    /// Takes up to <paramref name="count"/> of the best jobs still queued (one for each worker the directory has asking
    /// this shard), each for <paramref name="visibility"/>; the shard's best entry after it, for the directory.
    /// </summary>
    [Alias("Take")] Task<ShardTake> TakeAsync(int count, TimeSpan? visibility);
}
