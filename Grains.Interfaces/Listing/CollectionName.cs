namespace TimerGrid.Grains.Interfaces.Listing;

/// <summary>A collection of a db that holds jobs, and how many.</summary>
[GenerateSerializer, Alias("tg.CollectionName")]
public sealed record CollectionName(
    [property: Id(0)] string Db,
    [property: Id(1)] string Collection,
    [property: Id(2)] long Count);
