using Orleans.Concurrency;

namespace TimerGrid.Grains.Interfaces.Records;

/// <summary>
/// The read side: TimerGrid's own queries over its record tables (executions, audit log).
/// A stateless worker, so a standalone gateway reads through the cluster and needs no storage access. Use key 0.
/// </summary>
[Alias("tg.IRecordQueryGrain")]
public interface IRecordQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Executions matching the query, newest scheduled time first.</summary>
    [Alias("Executions"), ReadOnly] Task<IReadOnlyList<ExecutionView>> GetExecutionsAsync(RecordQuery query);

    /// <summary>One execution, or null.</summary>
    [Alias("Execution"), ReadOnly] Task<ExecutionView?> GetExecutionAsync(string executionId);

    /// <summary>Audit entries matching the query, newest first.</summary>
    [Alias("Audit"), ReadOnly] Task<IReadOnlyList<AuditEntry>> GetAuditAsync(RecordQuery query);
}
