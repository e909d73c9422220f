namespace TimerGrid.Grains.Interfaces.Records;

/// <summary>A collection of a db that holds at least one job.</summary>
[GenerateSerializer, Alias("tg.CollectionName")]
public sealed record CollectionName(
    [property: Id(0)] string Db,
    [property: Id(1)] string Collection);
