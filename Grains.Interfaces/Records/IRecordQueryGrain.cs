using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Calls;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Interfaces.Records;

/// <summary>
/// The read side: TimerGrid's own queries over its tables (executions, audit log, jobs of a collection).
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

    /// <summary>Every job of a collection as stored, by id.</summary>
    [Alias("CollectionJobs"), Idempotent, ReadOnly] Task<IReadOnlyList<JobView>> GetCollectionJobsAsync(string db, string collection);

    /// <summary>The first <paramref name="limit"/> (at most 1000) collections holding jobs, of every db, by db and name, with how many each holds.</summary>
    [Alias("Collections"), Idempotent, ReadOnly] Task<IReadOnlyList<CollectionName>> GetCollectionsAsync(int limit);
}
