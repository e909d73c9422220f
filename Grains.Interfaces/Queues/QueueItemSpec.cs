namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>A job entering a queue: the firing of a native job whose route is a QUEUE.</summary>
/// <param name="Db">The db of the queue route.</param>
/// <param name="Queue">The queue route's id.</param>
/// <param name="Params">The job's params (its meta), JSON text.</param>
/// <param name="Options">The seed-002 options; null takes the defaults.</param>
/// <param name="OriginJob">The native job that fired it (<c>db/collection/id</c>).</param>
[GenerateSerializer, Alias("tg.QueueItemSpec")]
public sealed record QueueItemSpec(
    [property: Id(0)] string Db,
    [property: Id(1)] string Queue,
    [property: Id(2)] string Params,
    [property: Id(3)] QueueItemOptions? Options,
    [property: Id(4)] string OriginJob);
