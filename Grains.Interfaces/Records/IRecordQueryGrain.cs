using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Calls;

namespace TimerGrid.Grains.Interfaces.Records;

/// <summary>
/// The read side: TimerGrid's own queries over its record tables (executions, audit log).
/// A stateless worker, so a standalone gateway reads through the cluster and needs no storage access. Use key 0.
/// </summary>
[Alias("tg.IRecordQueryGrain")]
public interface IRecordQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Executions matching the query, newest scheduled time first.</summary>
    [Alias("Executions"), Idempotent, ReadOnly] Task<IReadOnlyList<ExecutionView>> GetExecutionsAsync(RecordQuery query);

    /// <summary>One execution, or null.</summary>
    [Alias("Execution"), Idempotent, ReadOnly] Task<ExecutionView?> GetExecutionAsync(string executionId);

    /// <summary>Audit entries matching the query, newest first.</summary>
    [Alias("Audit"), Idempotent, ReadOnly] Task<IReadOnlyList<AuditEntry>> GetAuditAsync(RecordQuery query);
}
