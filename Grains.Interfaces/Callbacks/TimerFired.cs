using System.Text.Json;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Interfaces.Callbacks;

/// <summary>One firing of a job, as a GRAIN route delivers it. Times are Unix epoch milliseconds.</summary>
[GenerateSerializer, Alias("tg.TimerFired")]
public sealed record TimerFired
{
    /// <summary>The fired job's address.</summary>
    [Id(0)] public required JobKey Job { get; init; }
    /// <summary>The occurrence's time: the one-shot trigger time, a recurring occurrence, or a run-now's request time.</summary>
    [Id(1)] public required long ScheduledTime { get; init; }
    /// <summary>The attempt, from 1; more than 1 after a failed attempt.</summary>
    [Id(2)] public required int Attempt { get; init; }
    /// <summary><c>db/collection/id@scheduled time</c>: the same on every attempt of one occurrence (the webhooks' <c>webhook-id</c>).</summary>
    [Id(3)] public required string IdempotencyKey { get; init; }
    /// <summary>The job's meta: the JSON text it was scheduled with, verbatim.</summary>
    [Id(4)] public required string Meta { get; init; }
    /// <summary>The id of the route that delivered it, in the job's db.</summary>
    [Id(5)] public required string Route { get; init; }

    /// <summary>
    /// The meta read as <typeparamref name="T"/> with <paramref name="options"/>, by default
    /// <see cref="JsonSerializerDefaults.Web"/> (as <see cref="Client.TimerGridJobs"/> wrote it).
    /// </summary>
    public T? MetaAs<T>(JsonSerializerOptions? options = null) => JsonSerializer.Deserialize<T>(Meta, options ?? JsonSerializerOptions.Web);
}
