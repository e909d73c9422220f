namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>
/// What a seed-002 job asks of its queue beyond its params. A native job whose route is a queue carries none:
/// it gets the defaults, and its item id is derived from its firing.
/// </summary>
/// <param name="Priority">0–3, lower first.</param>
/// <param name="ResultTtlSeconds">How long a finished job is kept; null keeps it for ever.</param>
/// <param name="CallbackUrl">Where the finished job is POSTed; null for none.</param>
/// <param name="JobTimeoutSeconds">A job not finished this long after it was first taken fails; null for never.</param>
[GenerateSerializer, Alias("tg.QueueItemOptions")]
public sealed record QueueItemOptions(
    [property: Id(0)] int Priority,
    [property: Id(1)] long? ResultTtlSeconds,
    [property: Id(2)] string? CallbackUrl,
    [property: Id(3)] long? JobTimeoutSeconds);
