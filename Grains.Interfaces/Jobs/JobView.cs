namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>A job as stored. Times are Unix epoch milliseconds.</summary>
[GenerateSerializer, Alias("tg.JobView")]
public sealed record JobView
{
    /// <summary>The job's address.</summary>
    [Id(0)] public required JobKey Key { get; init; }
    /// <summary>What the client scheduled.</summary>
    [Id(1)] public required JobSpec Spec { get; init; }
    /// <summary>Where the job is in its life.</summary>
    [Id(2)] public required JobStatus Status { get; init; }
    /// <summary>Delivery attempts made for the current schedule.</summary>
    [Id(3)] public int Attempts { get; init; }
    /// <summary>Why the last attempt failed, if it did.</summary>
    [Id(4)] public string? LastError { get; init; }
    /// <summary>When the first attempt for the current schedule started.</summary>
    [Id(5)] public long? FiredAt { get; init; }
    /// <summary>When the route acknowledged the delivery.</summary>
    [Id(6)] public long? DeliveredAt { get; init; }
    /// <summary>When the next attempt is due, while retrying.</summary>
    [Id(7)] public long? NextAttemptAt { get; init; }
    /// <summary>When the job was created.</summary>
    [Id(8)] public long CreatedAt { get; init; }
    /// <summary>When the job was last changed by a client.</summary>
    [Id(9)] public long UpdatedAt { get; init; }
    /// <summary>When the job fires next (its next occurrence, or the next retry); null when paused or finished.</summary>
    [Id(10)] public long? NextFireTime { get; init; }
    /// <summary>False while the job is paused.</summary>
    [Id(11)] public bool Enabled { get; init; } = true;
    /// <summary>True while a delete waits for the delivery in flight to end; the job is then deleted instead of retried or fired again.</summary>
    [Id(12)] public bool Deleting { get; init; }
}
