namespace TimerGrid.Grains.Interfaces.Listing;

/// <summary>A collection of a db and how many jobs it holds.</summary>
/// <param name="Collection">The collection's name.</param>
/// <param name="Count">Its jobs, whatever their status.</param>
[GenerateSerializer, Alias("tg.CollectionCount")]
public sealed record CollectionCount(
    [property: Id(0)] string Collection,
    [property: Id(1)] long Count);
