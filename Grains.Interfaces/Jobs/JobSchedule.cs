namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>
/// A recurring trigger: exactly one of <see cref="Cron"/> or <see cref="IntervalSeconds"/>. Times are Unix epoch milliseconds.
/// </summary>
[GenerateSerializer, Alias("tg.JobSchedule")]
public sealed record JobSchedule
{
    /// <summary>A cron expression of 5 fields (minute first) or 6 (second first), as Cronos reads it.</summary>
    [Id(0)] public string? Cron { get; init; }
    /// <summary>The IANA time zone the cron expression is read in; UTC when absent.</summary>
    [Id(1)] public string? TimeZone { get; init; }
    /// <summary>Seconds between occurrences; the first is at <see cref="StartTime"/>, or one interval after creation.</summary>
    [Id(2)] public long? IntervalSeconds { get; init; }
    /// <summary>No occurrence before this time.</summary>
    [Id(3)] public long? StartTime { get; init; }
    /// <summary>No occurrence at or after this time.</summary>
    [Id(4)] public long? EndTime { get; init; }
    /// <summary>Each occurrence fires a random 0..JitterMs milliseconds after its scheduled time (never before).</summary>
    [Id(5)] public int JitterMs { get; init; }
}
