namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>What a client schedules: when (a one-shot <see cref="TriggerTime"/> or a recurring <see cref="Schedule"/>), what to deliver, and where.</summary>
/// <param name="TriggerTime">One-shot firing time in Unix epoch milliseconds; null for a recurring job.</param>
/// <param name="Meta">The JSON text delivered as the webhook body, kept byte for byte.</param>
/// <param name="Route">Id of a route in the job's db.</param>
[GenerateSerializer, Alias("tg.JobSpec")]
public sealed record JobSpec(
    [property: Id(0)] long? TriggerTime,
    [property: Id(1)] string Meta,
    [property: Id(2)] string Route)
{
    /// <summary>The recurring trigger; null for a one-shot job.</summary>
    [Id(3)] public JobSchedule? Schedule { get; init; }
    /// <summary>A name for people; optional.</summary>
    [Id(4)] public string? Name { get; init; }
    /// <summary>False: the job does not fire until resumed. Null on a replace keeps the current flag; on a create means true.</summary>
    [Id(5)] public bool? Enabled { get; init; }
    /// <summary>What a recurring job does about missed occurrences.</summary>
    [Id(6)] public MisfirePolicy Misfire { get; init; }
    /// <summary>True: an occurrence fires even while an earlier one is still being retried.</summary>
    [Id(7)] public bool AllowOverlap { get; init; }
    /// <summary>For <see cref="MisfirePolicy.FireAll"/>: how far back missed occurrences still fire, in ms; null takes the configured default.</summary>
    [Id(8)] public long? CatchUpWindowMs { get; init; }
    /// <summary>True: the route need not exist yet; firings fail with a clear error until it does (seed 003).</summary>
    [Id(9)] public bool AllowMissingRoute { get; init; }
    /// <summary>
    /// True: the name is a label other jobs of the collection may carry too (seed 003); it is not unique, and a lookup by
    /// name finds the first. False: no other job of the collection may hold the name.
    /// </summary>
    [Id(10)] public bool SharedName { get; init; }
}
