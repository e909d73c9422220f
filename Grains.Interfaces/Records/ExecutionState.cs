namespace TimerGrid.Grains.Interfaces.Records;

/// <summary>Where one firing of a job is.</summary>
[GenerateSerializer, Alias("tg.ExecutionState")]
public enum ExecutionState
{
    /// <summary>Created (run now), not attempted yet.</summary>
    Scheduled,
    /// <summary>An attempt is in flight.</summary>
    Running,
    /// <summary>An attempt failed; the next one is scheduled.</summary>
    Retrying,
    /// <summary>The route accepted it.</summary>
    Succeeded,
    /// <summary>Attempts exhausted, or the route is gone.</summary>
    Failed,
    /// <summary>Not fired: the previous execution was still running, or the occurrence was missed (misfire policy).</summary>
    Skipped,
}
