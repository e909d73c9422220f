namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>What a take from a shard got, and the shard's best entry afterwards.</summary>
/// <param name="Item">The job taken; null when the shard had none left.</param>
/// <param name="Head">The shard's best entry now; null when it is empty.</param>
/// <param name="Version">The shard's change counter, so the directory keeps the newest head it heard of.</param>
[GenerateSerializer, Alias("tg.ShardTake")]
public sealed record ShardTake(
    [property: Id(0)] QueueItemView? Item,
    [property: Id(1)] QueueEntry? Head,
    [property: Id(2)] long Version);
