using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Interfaces.Records;

/// <summary>One firing of a job (an occurrence, a run-now, or a skipped occurrence). Times are Unix epoch milliseconds.</summary>
[GenerateSerializer, Alias("tg.ExecutionView")]
public sealed record ExecutionView
{
    /// <summary>32 lowercase hex characters.</summary>
    [Id(0)] public required string ExecutionId { get; init; }
    /// <summary>The job that fired.</summary>
    [Id(1)] public required JobKey Job { get; init; }
    /// <summary>The occurrence's scheduled time (the time of the run-now request for a run-now).</summary>
    [Id(2)] public long ScheduledTime { get; init; }
    /// <summary>When the first attempt started.</summary>
    [Id(3)] public long? FiredTime { get; init; }
    /// <summary>When it ended (succeeded, failed or skipped).</summary>
    [Id(4)] public long? FinishedTime { get; init; }
    /// <summary>Attempts made so far.</summary>
    [Id(5)] public int Attempt { get; init; }
    /// <summary>Where it is.</summary>
    [Id(6)] public ExecutionState State { get; init; }
    /// <summary>The HTTP status of the last attempt, when the receiver answered.</summary>
    [Id(7)] public int? HttpStatus { get; init; }
    /// <summary>Duration of the last attempt.</summary>
    [Id(8)] public long? LatencyMs { get; init; }
    /// <summary>Why the last attempt failed or the occurrence was skipped.</summary>
    [Id(9)] public string? Error { get; init; }
    /// <summary>The receiver's response body (truncated), or a short summary when it sent none; set once finished.</summary>
    [Id(10)] public string? Result { get; init; }
    /// <summary>When this record last changed.</summary>
    [Id(11)] public long UpdatedTime { get; init; }
}
