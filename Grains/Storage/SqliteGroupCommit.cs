using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Group commit for this process's SQLite writers. Each write waits in a queue; one loop takes every write that
/// queued while the previous batch committed and runs them in one transaction on its own connection, through
/// statements prepared once per SQL text, then answers each writer with its own result. One lock, one WAL
/// append and one wake-up per batch instead of per write, and no statement parsed twice. A writer hears back
/// only after the commit: durability is unchanged.
/// </summary>
internal sealed partial class SqliteGroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 512;

    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);
    private readonly Func<SqliteConnection> _open;
    private readonly SemaphoreSlim _writeGate;
    private readonly WriteBatches<PendingWrite> _writes;
    private SqliteConnection? _connection;

    /// <param name="open">Opens the connection of its own, at the first write (after the schema migration made the file WAL).</param>
    /// <param name="writeGate">Held for each batch's transaction, so other writers of the process (checkpoints, record batches) take turns with it.</param>
    public SqliteGroupCommit(Func<SqliteConnection> open, SemaphoreSlim writeGate)
    {
        (_open, _writeGate) = (open, writeGate);
        _writes = new WriteBatches<PendingWrite>(MaxBatch, CommitInTurnAsync);
    }

    /// <summary>One write statement (or several in one text); completes once committed. Takes the parameters over from their collection.</summary>
    public Task<WriteResult> ExecuteAsync(string sql, SqliteParameterCollection parameters, CancellationToken cancellationToken)
    {
        SqliteParameter[] taken = [.. parameters.Cast<SqliteParameter>()];
        parameters.Clear();
        var write = new PendingWrite(sql, taken, new TaskCompletionSource<WriteResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        _writes.Add(write);
        return write.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task CommitInTurnAsync(List<PendingWrite> batch)
    {
        await _writeGate.WaitAsync();
        try
        {
            Commit(batch);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void Commit(List<PendingWrite> batch)
    {
        var results = new (WriteResult? Result, Exception? Error)[batch.Count];
        try
        {
            _connection ??= _open();
            using var transaction = _connection.BeginTransaction(deferred: false);   // BEGIN IMMEDIATE
            for (var i = 0; i < batch.Count; i++)
            {
                try
                {
                    results[i] = (Execute(batch[i], transaction), null);
                }
                catch (SqliteException e) when (raw.sqlite3_get_autocommit(_connection.Handle) == 0)
                {
                    results[i] = (null, e);   // the statement failed, the transaction goes on (a constraint, say)
                }
            }
            transaction.Commit();
        }
        catch (Exception e)
        {
            // The transaction is gone (or never began): nothing of this batch is durable.
            foreach (var write in batch)
            {
                write.Done.TrySetException(e);
            }
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                batch[i].Done.TrySetException(error);
            }
            else
            {
                batch[i].Done.TrySetResult(results[i].Result!);
            }
        }
    }

    private WriteResult Execute(PendingWrite write, SqliteTransaction transaction)
    {
        if (!_prepared.TryGetValue(write.Sql, out var command))
        {
            command = _connection!.CreateCommand();
            command.CommandText = write.Sql;
            _prepared[write.Sql] = command;
        }
        command.Transaction = transaction;
        command.Parameters.Clear();
        command.Parameters.AddRange(write.Parameters);
        using var reader = command.ExecuteReader();
        var rows = BufferedResultReader.Load(reader);
        return new WriteResult(rows, reader.RecordsAffected);
    }

    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        foreach (var command in _prepared.Values)
        {
            command.Dispose();
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private sealed record PendingWrite(string Sql, SqliteParameter[] Parameters, TaskCompletionSource<WriteResult> Done);
}
