using System.Data.Common;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Grains.Records;

/// <summary>
/// The record side's one door to storage: writes batches of executions and audit entries, reads them back,
/// prunes them, and lists a collection's stored jobs (and pages of them, RecordStore.Listing.cs). The SQL is the dialect's (<see cref="QueryTexts"/>); here
/// are only parameters, and each row belongs to this service (ClusterOptions.ServiceId).
/// </summary>
internal sealed partial class RecordStore(IStorageDialect dialect, QueryTexts queries, IOptions<ClusterOptions> cluster)
{
    private string ServiceId => cluster.Value.ServiceId;

    /// <summary>Upserts the executions and appends the audit entries in one transaction.</summary>
    public async Task WriteAsync(IReadOnlyCollection<ExecutionView> executions, IReadOnlyCollection<AuditEntry> audit, CancellationToken cancellationToken)
    {
        var upsert = await queries.GetAsync(RecordQueryKeys.UpsertExecution, cancellationToken);
        var insert = await queries.GetAsync(RecordQueryKeys.InsertAudit, cancellationToken);
        await dialect.WriteInTransactionAsync(async (transaction, token) =>
        {
            await ExecuteEachAsync(transaction, upsert, executions, (c, execution) => c.AddExecution(execution), token);
            await ExecuteEachAsync(transaction, insert, audit, (c, entry) => c.AddAudit(entry), token);
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
        return ReadAsync(key, c =>
        {
            c.AddPage(query, limit, before.Time);
            c.Add("BeforeId", before.Id);
        }, RecordRows.Execution, cancellationToken);
    }

    public async Task<ExecutionView?> ReadExecutionAsync(string executionId, CancellationToken cancellationToken = default) =>
        (await ReadAsync(RecordQueryKeys.Execution, c => c.Add("ExecutionId", executionId), RecordRows.Execution, cancellationToken)).SingleOrDefault();

    /// <summary>Audit entries matching the query, newest first, after the keyset <paramref name="before"/>.</summary>
    public Task<List<AuditEntry>> ReadAuditAsync(RecordQuery query, int limit, (long Time, long Id) before, CancellationToken cancellationToken = default) =>
        ReadAsync(RecordQueryKeys.Audit, c =>
        {
            c.AddPage(query, limit, before.Time);
            c.Add("BeforeId", before.Id);
        }, RecordRows.Audit, cancellationToken);

    /// <summary>The stored state of every job of the collection, by id.</summary>
    public Task<List<(string Key, byte[] Payload)>> ReadCollectionJobsAsync(string db, string collection, CancellationToken cancellationToken = default) =>
        ReadAsync(RecordQueryKeys.CollectionJobs, c => c.AddJob(db, collection, null), RecordRows.Job, cancellationToken);

    /// <summary>The keys of scheduled jobs due at or before <paramref name="until"/> (epoch ms), soonest first.</summary>
    public Task<List<string>> ReadDueJobKeysAsync(long until, CancellationToken cancellationToken = default) =>
        ReadAsync(RecordQueryKeys.DueJobs, c => c.Add("Until", until), row => row.GetString(0), cancellationToken);

    /// <summary>The ids of queue jobs waiting for a worker (script 0012).</summary>
    public Task<List<string>> ReadQueuedItemIdsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(RecordQueryKeys.QueuedItems, _ => { }, row => row.GetString(0), cancellationToken);

    /// <summary>The ids of queue jobs not waiting for a worker whose visibility, timeout, callback or expiry is due at or before <paramref name="until"/>.</summary>
    public Task<List<string>> ReadDueQueueItemIdsAsync(long until, CancellationToken cancellationToken = default) =>
        ReadAsync(RecordQueryKeys.DueQueueItems, c => c.Add("Until", until), row => row.GetString(0), cancellationToken);

    /// <summary>Deletes executions last updated, and audit entries created, before <paramref name="cutoff"/>, <paramref name="chunk"/> rows a statement.</summary>
    public async Task<(long Executions, long Audit)> DeleteOlderThanAsync(long cutoff, int chunk, CancellationToken cancellationToken) =>
        (await DeleteInChunksAsync(RecordQueryKeys.DeleteOldExecutions, cutoff, chunk, cancellationToken),
         await DeleteInChunksAsync(RecordQueryKeys.DeleteOldAudit, cutoff, chunk, cancellationToken));

    private async Task<long> DeleteInChunksAsync(string key, long cutoff, int chunk, CancellationToken cancellationToken)
    {
        var sql = await queries.GetAsync(key, cancellationToken);
        long total = 0;
        int deleted;
        do
        {
            // Each chunk its own statement and commit, so writers get their turn in between.
            await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
            await using var command = Command(connection, null, sql);
            command.Add("Cutoff", cutoff);
            command.Add("Chunk", chunk);
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
        }
        while (deleted >= chunk);
        return total;
    }

    private async Task<List<T>> ReadAsync<T>(string key, Action<DbCommand> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        var sql = await queries.GetAsync(key, cancellationToken);
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null, sql);
        bind(command);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    /// <summary>One command for every row: its statement is parsed once per batch, not once per row.</summary>
    private async Task ExecuteEachAsync<T>(DbTransaction transaction, string sql, IEnumerable<T> rows, Action<DbCommand, T> bind, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            command.Add("ServiceId", ServiceId);
            bind(command, row);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Add("ServiceId", ServiceId);
        return command;
    }
}
