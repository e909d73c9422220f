using System.Text.Json.Serialization;
using TimerGrid.Grains.Interfaces.Queues;

namespace TimerGrid.Grains.Queues;

/// <summary>A queue job as persisted (JSON). Times are epoch milliseconds. The storage shape, not the contract.</summary>
internal sealed class QueueItemState
{
    public string Db { get; set; } = "";
    public string Queue { get; set; } = "";
    public string Params { get; set; } = "{}";
    /// <summary>The native job that fired it; deleted with it when it is the seed-002 job of the same id.</summary>
    public string OriginJob { get; set; } = "";
    public int Priority { get; set; }
    public QueueItemStatus Status { get; set; }
    public string? Result { get; set; }
    public int Attempts { get; set; }
    public long AvailableAt { get; set; }
    /// <summary>Arrival order among jobs available in the same millisecond.</summary>
    public long Arrival { get; set; }
    public long CreatedAt { get; set; }
    public long? FirstTakenAt { get; set; }
    public long? VisibleUntil { get; set; }
    public long? FinishedAt { get; set; }
    public long? ResultTtlSeconds { get; set; }
    public long? JobTimeoutSeconds { get; set; }
    public string? CallbackUrl { get; set; }
    public int CallbackAttempts { get; set; }
    /// <summary>When the callback is (next) attempted; null when there is none left to make.</summary>
    public long? CallbackNextAt { get; set; }
    public string? LastError { get; set; }

    public bool Finished => Status is QueueItemStatus.Done or QueueItemStatus.Failed or QueueItemStatus.Cancelled;

    /// <summary>When the job next needs its grain: visibility or job timeout, callback, expiry. Persisted for the storage index.</summary>
    public long? DueAt => Status switch
    {
        QueueItemStatus.Running => Math.Min(VisibleUntil ?? long.MaxValue, JobDeadline ?? long.MaxValue),
        QueueItemStatus.Queued => null,
        _ => CallbackNextAt ?? ExpiresAt,
    };

    [JsonIgnore]
    public long? JobDeadline => FirstTakenAt + JobTimeoutSeconds * 1000;

    [JsonIgnore]
    public long? ExpiresAt => FinishedAt + ResultTtlSeconds * 1000;

    /// <summary>A job entering its queue now, available at once.</summary>
    public static QueueItemState Create(QueueItemSpec spec, long now) => new()
    {
        Db = spec.Db,
        Queue = spec.Queue,
        Params = spec.Params,
        OriginJob = spec.OriginJob,
        Priority = spec.Options?.Priority ?? QueueLimits.DefaultPriority,
        ResultTtlSeconds = spec.Options?.ResultTtlSeconds,
        JobTimeoutSeconds = spec.Options?.JobTimeoutSeconds,
        CallbackUrl = spec.Options?.CallbackUrl,
        AvailableAt = now,
        Arrival = QueueArrival.Next(),
        CreatedAt = now,
    };

    public QueueEntry Entry(string id) => new(id, Queue, Priority, AvailableAt, Arrival);

    public QueueItemView ToView(string id) => new()
    {
        Id = id,
        Db = Db,
        Queue = Queue,
        Priority = Priority,
        Params = Params,
        Status = Status,
        Result = Result,
        Attempts = Attempts,
    };
}
