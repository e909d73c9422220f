using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Grains.Records;

/// <summary>
/// The record side's one door to storage: writes batches of executions and audit entries, reads them back and
/// prunes them, through <see cref="StoredQueries"/>; here are only the query keys and parameters.
/// </summary>
internal sealed class RecordStore(IStorageDialect dialect, StoredQueries queries)
{
    /// <summary>Upserts the executions and appends the audit entries in one transaction.</summary>
    public async Task WriteAsync(IReadOnlyCollection<ExecutionView> executions, IReadOnlyCollection<AuditEntry> audit, CancellationToken cancellationToken)
    {
        var upsert = await queries.TextAsync(RecordQueryKeys.UpsertExecution, cancellationToken);
        var insert = await queries.TextAsync(RecordQueryKeys.InsertAudit, cancellationToken);
        await dialect.WriteInTransactionAsync(async (transaction, token) =>
        {
            await queries.ExecuteEachAsync(transaction, upsert, executions, (c, execution) => c.AddExecution(execution), token);
            await queries.ExecuteEachAsync(transaction, insert, audit, (c, entry) => c.AddAudit(entry), token);
        }, cancellationToken);
    }

    /// <summary>Executions of the query's db, collection or job (or only its failed ones), newest first, after the keyset <paramref name="before"/>.</summary>
    public Task<List<ExecutionView>> ReadExecutionsAsync(RecordQuery query, int limit, (long Time, string Id) before, CancellationToken cancellationToken = default)
    {
        var key = query switch
        {
            { FailedOnly: true } => RecordQueryKeys.FailedExecutions,   // few: filtered by collection and job within the failed index
            { Collection: null } => RecordQueryKeys.ExecutionsOfDb,
            { JobId: null } => RecordQueryKeys.ExecutionsOfCollection,
            _ => RecordQueryKeys.ExecutionsOfJob,
        };
        return queries.ReadAsync(key, c =>
        {
            c.AddPage(query, limit, before.Time);
            c.Add("BeforeId", before.Id);
        }, RecordRows.Execution, cancellationToken);
    }

    public async Task<ExecutionView?> ReadExecutionAsync(string executionId, CancellationToken cancellationToken = default) =>
        (await queries.ReadAsync(RecordQueryKeys.Execution, c => c.Add("ExecutionId", executionId), RecordRows.Execution, cancellationToken)).SingleOrDefault();

    /// <summary>Audit entries matching the query, newest first, after the keyset <paramref name="before"/>.</summary>
    public Task<List<AuditEntry>> ReadAuditAsync(RecordQuery query, int limit, (long Time, long Id) before, CancellationToken cancellationToken = default) =>
        queries.ReadAsync(RecordQueryKeys.Audit, c =>
        {
            c.AddPage(query, limit, before.Time);
            c.Add("BeforeId", before.Id);
        }, RecordRows.Audit, cancellationToken);

    /// <summary>Deletes executions last updated, and audit entries created, before <paramref name="cutoff"/>, <paramref name="chunk"/> rows a statement.</summary>
    public async Task<(long Executions, long Audit)> DeleteOlderThanAsync(long cutoff, int chunk, CancellationToken cancellationToken) =>
        (await DeleteInChunksAsync(RecordQueryKeys.DeleteOldExecutions, cutoff, chunk, cancellationToken),
         await DeleteInChunksAsync(RecordQueryKeys.DeleteOldAudit, cutoff, chunk, cancellationToken));

    private async Task<long> DeleteInChunksAsync(string key, long cutoff, int chunk, CancellationToken cancellationToken)
    {
        long total = 0;
        int deleted;
        do
        {
            // Each chunk its own statement and commit, so writers get their turn in between.
            deleted = await queries.ExecuteAsync(key, c =>
            {
                c.Add("Cutoff", cutoff);
                c.Add("Chunk", chunk);
            }, cancellationToken);
            total += deleted;
        }
        while (deleted >= chunk);
        return total;
    }
}
