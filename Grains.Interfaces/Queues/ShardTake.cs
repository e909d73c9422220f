namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>What a batch of takes from a shard got, and the shard's best entry afterwards.</summary>
/// <param name="Items">The jobs taken, best first; fewer than asked for when the shard ran out.</param>
/// <param name="Head">The shard's best entry now; null when it is empty.</param>
/// <param name="Version">The shard's change counter, so the directory keeps the newest head it heard of.</param>
[GenerateSerializer, Alias("tg.ShardTake")]
public sealed record ShardTake(
    [property: Id(0)] QueueItemView[] Items,
    [property: Id(1)] QueueEntry? Head,
    [property: Id(2)] long Version);
