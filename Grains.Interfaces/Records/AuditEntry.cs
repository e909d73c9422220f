using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Interfaces.Records;

/// <summary>One change a client made to a job. Times are Unix epoch milliseconds.</summary>
[GenerateSerializer, Alias("tg.AuditEntry")]
public sealed record AuditEntry
{
    /// <summary>Grows with every entry; the paging cursor.</summary>
    [Id(0)] public long Id { get; init; }
    /// <summary>When it happened.</summary>
    [Id(1)] public long CreatedTime { get; init; }
    /// <summary>The job changed.</summary>
    [Id(2)] public required JobKey Job { get; init; }
    /// <summary>The job's name at the time, if it had one.</summary>
    [Id(3)] public string? JobName { get; init; }
    /// <summary>What was done.</summary>
    [Id(4)] public AuditEvent Event { get; init; }
    /// <summary>Who did it: the API key (<c>name (id)</c>, or its id; <c>bootstrap</c>; <c>keys command</c>), or <c>anonymous</c> while keys are off.</summary>
    [Id(5)] public required string User { get; init; }
    /// <summary>What changed, for people; for a run-now, the execution id.</summary>
    [Id(6)] public required string Description { get; init; }
}
