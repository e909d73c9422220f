using System.Text.Json.Serialization;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Queues;
using TimerGrid.Grains.Triggers;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// A job as persisted (JSON). Times are epoch milliseconds. The storage shape, not the contract.
/// <see cref="TriggerTime"/> is the current occurrence: the spec's time for a one-shot job, the next
/// occurrence for a recurring one; the attempt fields describe that occurrence.
/// </summary>
internal sealed class JobState
{
    public long TriggerTime { get; set; }
    public string Meta { get; set; } = "{}";
    public string Route { get; set; } = "";
    public JobSchedule? Schedule { get; set; }
    public string? Name { get; set; }
    public bool Enabled { get; set; } = true;
    public MisfirePolicy Misfire { get; set; }
    public bool AllowOverlap { get; set; }
    public long? CatchUpWindowMs { get; set; }
    public bool AllowMissingRoute { get; set; }
    /// <summary>The name is a label other jobs may carry too (seed 003); the listing index reads it.</summary>
    public bool SharedName { get; set; }
    public QueueItemOptions? Queue { get; set; }
    /// <summary>When the schedule was set (create or replace): an interval without a start time counts from it.</summary>
    public long ScheduledAt { get; set; }

    public JobStatus Status { get; set; }
    public int Attempts { get; set; }
    /// <summary>Of <see cref="Attempts"/>, those the receiver did not judge (429, 503, a failed circuit probe): they do not count against MaxAttempts.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int UnjudgedAttempts { get; set; }
    public long? NextAttemptAt { get; set; }
    /// <summary>This occurrence fires this long after <see cref="TriggerTime"/> (the schedule's jitter, drawn once).</summary>
    public int JitterMs { get; set; }
    /// <summary>The execution of this occurrence, once it fired.</summary>
    public string? ExecutionId { get; set; }
    /// <summary>Firing missed occurrences one after another (misfire policy fire_all).</summary>
    public bool CatchingUp { get; set; }
    public string? LastError { get; set; }
    public long? FiredAt { get; set; }
    public long? DeliveredAt { get; set; }
    public List<FiringState> Extra { get; set; } = [];
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    /// <summary>When a delete came during a delivery; the job is deleted once that delivery ends (or, after a crash, when it wakes).</summary>
    public long? DeletingSince { get; set; }

    /// <summary>When the current occurrence fires (or retries); null while paused or finished.</summary>
    [JsonIgnore]
    public long? OccurrenceDueAt => Enabled && Status == JobStatus.Scheduled ? NextAttemptAt ?? TriggerTime + JitterMs : null;

    /// <summary>
    /// When anything of this job is next due. Persisted for the storage index on due time. A job queued for deletion is
    /// due at once: after a crash the overdue sweep wakes it, and its activation finishes the deletion.
    /// </summary>
    public long? DueAt => DeletingSince ?? (Extra.Count == 0 ? OccurrenceDueAt : Math.Min(OccurrenceDueAt ?? long.MaxValue, Extra.Min(f => f.NextAttemptAt)));

    /// <summary>When a delivered or completed job finished, nothing of it due any more; null otherwise. Retention expires by it.</summary>
    [JsonIgnore]
    public long? FinishedAt => Status is JobStatus.Delivered or JobStatus.Completed && DueAt is null ? DeliveredAt ?? FiredAt ?? UpdatedAt : null;

    [JsonIgnore]
    public ITrigger Trigger => TriggerFactory.For(TriggerTime, Schedule, ScheduledAt);

    /// <summary>The spec as the client gave it; its Enabled is null (keep as is): the flag is <see cref="JobView.Enabled"/>.</summary>
    [JsonIgnore]
    public JobSpec Spec => new(Schedule is null ? TriggerTime : null, Meta, Route)
    {
        Schedule = Schedule,
        Name = Name,
        Misfire = Misfire,
        AllowOverlap = AllowOverlap,
        CatchUpWindowMs = CatchUpWindowMs,
        AllowMissingRoute = AllowMissingRoute,
        SharedName = SharedName,
        Queue = Queue,
    };

    /// <summary>
    /// A fresh schedule for the spec: every delivery outcome of an earlier schedule is forgotten, run-now
    /// firings in flight are kept.
    /// </summary>
    public static JobState Start(JobSpec spec, long createdAt, long now, bool enabled, List<FiringState> extra)
    {
        var state = new JobState { Schedule = spec.Schedule, ScheduledAt = now, Extra = extra, CreatedAt = createdAt };
        state.Update(spec, enabled, now);
        state.MoveTo(spec.TriggerTime ?? state.Trigger.NextAfter(now - 1) ?? now);
        return state;
    }

    /// <summary>A one-shot job delivered as it is created: a seed-002 job due at once goes straight into its queue.</summary>
    public static JobState DeliveredOnCreate(JobSpec spec, long now, string executionId)
    {
        var state = Start(spec, createdAt: now, now, enabled: true, extra: []);
        (state.Status, state.Attempts, state.ExecutionId, state.FiredAt, state.DeliveredAt) = (JobStatus.Delivered, 1, executionId, now, now);
        return state;
    }

    /// <summary>Takes what the spec says to deliver, where and how; the schedule and where the job is in it stay.</summary>
    public void Update(JobSpec spec, bool enabled, long now)
    {
        Meta = spec.Meta;
        Route = spec.Route;
        Name = spec.Name;
        Enabled = enabled;
        Misfire = spec.Misfire;
        AllowOverlap = spec.AllowOverlap;
        CatchUpWindowMs = spec.CatchUpWindowMs;
        AllowMissingRoute = spec.AllowMissingRoute;
        SharedName = spec.SharedName;
        Queue = spec.Queue;
        UpdatedAt = now;
    }

    /// <summary>Makes <paramref name="occurrence"/> the current one, not yet fired, with its own jitter.</summary>
    public void MoveTo(long occurrence)
    {
        TriggerTime = occurrence;
        Status = JobStatus.Scheduled;
        Attempts = 0;
        UnjudgedAttempts = 0;
        NextAttemptAt = null;
        ExecutionId = null;
        JitterMs = Schedule?.JitterMs > 0 ? Random.Shared.Next(Schedule.JitterMs + 1) : 0;
    }

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
        NextFireTime = DeletingSince is null ? DueAt : null,   // a job queued for deletion fires no more
        Enabled = Enabled,
        Deleting = DeletingSince is not null,
    };
}
