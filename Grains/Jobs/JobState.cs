using System.Text.Json.Serialization;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Jobs;

/// <summary>A job as persisted (JSON). Times are epoch milliseconds. The storage shape, not the contract.</summary>
internal sealed class JobState
{
    public long TriggerTime { get; set; }
    public string Meta { get; set; } = "{}";
    public string Route { get; set; } = "";
    public JobStatus Status { get; set; }
    public int Attempts { get; set; }
    public long? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public long? FiredAt { get; set; }
    public long? DeliveredAt { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    /// <summary>When the next delivery attempt is due. Persisted for the storage index on due time.</summary>
    public long DueAt => NextAttemptAt ?? TriggerTime;

    [JsonIgnore]
    public JobSpec Spec => new(TriggerTime, Meta, Route);

    /// <summary>A fresh schedule for the spec: every delivery outcome of an earlier schedule is forgotten.</summary>
    public static JobState Schedule(JobSpec spec, long createdAt, long now) => new()
    {
        TriggerTime = spec.TriggerTime ?? 0,
        Meta = spec.Meta,
        Route = spec.Route,
        Status = JobStatus.Scheduled,
        CreatedAt = createdAt,
        UpdatedAt = now,
    };

    public JobView ToView(JobKey key) => new()
    {
        Key = key,
        Spec = Spec,
        Status = Status,
        Attempts = Attempts,
        LastError = LastError,
        FiredAt = FiredAt,
        DeliveredAt = DeliveredAt,
        NextAttemptAt = NextAttemptAt,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };
}
