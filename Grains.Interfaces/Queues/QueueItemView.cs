namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>A queue job as a worker or a client sees it.</summary>
[GenerateSerializer, Alias("tg.QueueItemView")]
public sealed record QueueItemView
{
    /// <summary>The job's uuid.</summary>
    [Id(0)] public required string Id { get; init; }
    /// <summary>The db of its queue route.</summary>
    [Id(1)] public required string Db { get; init; }
    /// <summary>The queue: the id of a QUEUE route in <see cref="Db"/>.</summary>
    [Id(2)] public required string Queue { get; init; }
    /// <summary>0–3, lower first.</summary>
    [Id(3)] public int Priority { get; init; }
    /// <summary>The params object, JSON text as the client sent it.</summary>
    [Id(4)] public required string Params { get; init; }
    /// <summary>Where it is in its life.</summary>
    [Id(5)] public QueueItemStatus Status { get; init; }
    /// <summary>What the worker sent as the result, JSON text; null until then.</summary>
    [Id(6)] public string? Result { get; init; }
    /// <summary>How many times a worker took it.</summary>
    [Id(7)] public int Attempts { get; init; }
}
