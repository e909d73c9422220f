namespace TimerGrid.Grains.Interfaces.Records;

/// <summary>What a client did to a job.</summary>
[GenerateSerializer, Alias("tg.AuditEvent")]
public enum AuditEvent
{
    /// <summary>Created.</summary>
    Added,
    /// <summary>Replaced.</summary>
    Modified,
    /// <summary>Deleted.</summary>
    Deleted,
    /// <summary>Paused.</summary>
    Paused,
    /// <summary>Resumed.</summary>
    Resumed,
    /// <summary>Run now, outside its schedule; the description is the execution id.</summary>
    CustomRun,
    /// <summary>A failed job delivered again; the description is the execution id.</summary>
    Replayed,
}
