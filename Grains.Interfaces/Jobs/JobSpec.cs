namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>What a client schedules: when, what to deliver, and where.</summary>
/// <param name="TriggerTime">Firing time in Unix epoch milliseconds.</param>
/// <param name="Meta">The JSON text delivered as the webhook body, kept byte for byte.</param>
/// <param name="Route">Id of a route in the job's db.</param>
[GenerateSerializer, Alias("tg.JobSpec")]
public sealed record JobSpec(
    [property: Id(0)] long TriggerTime,
    [property: Id(1)] string Meta,
    [property: Id(2)] string Route);
