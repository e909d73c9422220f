namespace TimerGrid.Grains.Queues;

/// <summary>Which shard of its queue a job's entry lives in: a stable hash of its id (FNV-1a), so every silo agrees.</summary>
internal static class QueueShards
{
    public static string KeyFor(string db, string queue, string itemId, int shards)
    {
        var hash = 2166136261u;
        foreach (var c in itemId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return $"{db}/{queue}/{hash % (uint)shards}";
    }

    /// <summary>The db of a shard key <c>db/queue/n</c>.</summary>
    public static string DbOf(string shardKey) => shardKey[..shardKey.IndexOf('/')];
}
