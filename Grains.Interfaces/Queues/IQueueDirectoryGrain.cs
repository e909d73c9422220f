namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>
/// The queues of one db, keyed by the db: which shards hold work and their best entry, and the workers waiting for
/// work. A take goes to the shard whose best entry comes first, so it never scans empty shards.
/// </summary>
[Alias("tg.IQueueDirectoryGrain")]
public interface IQueueDirectoryGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes the first job of the named queues (all queues of the db when none are named), waiting up to
    /// <paramref name="wait"/> (at most <see cref="QueueLimits.MaxWaitPerCall"/>) for one to arrive; null when none did, or
    /// when <paramref name="cancellationToken"/> ends the wait (the worker left, or its gateway is stopping).
    /// </summary>
    [Alias("Take")] Task<QueueItemView?> TakeAsync(string[] queues, TimeSpan? visibility, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>
    /// A shard's best entry changed (null: the shard is empty), and <paramref name="arrived"/> jobs arrived in it, each
    /// of which may wake a waiting worker; <paramref name="version"/> orders the news.
    /// </summary>
    [Alias("HeadChanged")] Task HeadChangedAsync(string shard, QueueEntry? head, long version, int arrived);
}
