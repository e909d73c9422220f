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
    /// <summary>An API key was created; the entry's job id is the key's id, its db the key's (<c>*</c> for all dbs).</summary>
    KeyCreated,
    /// <summary>An API key was revoked; the entry's job id is the key's id, its db the key's.</summary>
    KeyRevoked,
    /// <summary>A request was refused (401, 403); the entry's db is the one it asked for (<c>*</c> when none), the description says why.</summary>
    Refused,
}
