namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>One available job in a shard's index, in serving order: priority (lower first), availability time, arrival.</summary>
[GenerateSerializer, Alias("tg.QueueEntry"), Immutable]
public sealed record QueueEntry(
    [property: Id(0)] string ItemId,
    [property: Id(1)] string Queue,
    [property: Id(2)] int Priority,
    [property: Id(3)] long AvailableAt,
    [property: Id(4)] long Arrival) : IComparable<QueueEntry>
{
    /// <inheritdoc/>
    public int CompareTo(QueueEntry? other) => other is null ? -1
        : (Priority, AvailableAt, Arrival).CompareTo((other.Priority, other.AvailableAt, other.Arrival)) is var order && order != 0
            ? order
            : string.CompareOrdinal(ItemId, other.ItemId);
}
