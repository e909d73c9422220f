using System.Data.Common;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// The one seam of TimerGrid's own queries (Hangfire's storage connection is the model): the dialect's text by key
/// (<see cref="QueryTexts"/>), a connection, the parameters, the rows. Every row belongs to this service
/// (ClusterOptions.ServiceId), bound as <c>@ServiceId</c> before the caller's parameters. Each feature owns its
/// reads over it (their query keys and row shapes); driver errors pass through, <see cref="StorageErrors"/> turns
/// them into what clients see.
/// </summary>
internal sealed class StoredQueries(IStorageDialect dialect, QueryTexts texts, IOptions<ClusterOptions> cluster)
{
    public ValueTask<string> TextAsync(string key, CancellationToken cancellationToken) => texts.GetAsync(key, cancellationToken);

    /// <summary>Every row the query returns, mapped in order.</summary>
    public async Task<List<T>> ReadAsync<T>(string key, Action<DbCommand> bind, Func<DbDataReader, T> map, CancellationToken cancellationToken = default)
    {
        var sql = await TextAsync(key, cancellationToken);
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, sql);
        bind(command);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    /// <summary>Runs the statement on a connection of its own (and so in a transaction of its own); returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string key, Action<DbCommand> bind, CancellationToken cancellationToken = default)
    {
        var sql = await TextAsync(key, cancellationToken);
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, sql);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="sql"/> once per row in the caller's transaction. Where the provider batches (Npgsql), every
    /// row is one command of one batch: one round trip. Elsewhere (SQLite) one command is re-bound for every row: its
    /// statement is prepared once per batch, not once per row.
    /// </summary>
    public async Task ExecuteEachAsync<T>(DbTransaction transaction, string sql, IEnumerable<T> rows, Action<DbCommand, T> bind, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (connection.CanCreateBatch)
        {
            await ExecuteAsBatchAsync(transaction, command, rows, bind, cancellationToken);
            return;
        }
        foreach (var row in rows)
        {
            Bind(command, row, bind);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Each row's parameters are bound on <paramref name="command"/>, then moved to that row's command of the batch.</summary>
    private async Task ExecuteAsBatchAsync<T>(DbTransaction transaction, DbCommand command, IEnumerable<T> rows, Action<DbCommand, T> bind, CancellationToken cancellationToken)
    {
        await using var batch = transaction.Connection!.CreateBatch();
        batch.Transaction = transaction;
        foreach (var row in rows)
        {
            Bind(command, row, bind);
            DbParameter[] parameters = [.. command.Parameters.Cast<DbParameter>()];
            command.Parameters.Clear();
            var each = batch.CreateBatchCommand();
            each.CommandText = command.CommandText;
            each.Parameters.AddRange(parameters);
            batch.BatchCommands.Add(each);
        }
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private void Bind<T>(DbCommand command, T row, Action<DbCommand, T> bind)
    {
        command.Parameters.Clear();
        command.Add("ServiceId", cluster.Value.ServiceId);
        bind(command, row);
    }

    private DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Add("ServiceId", cluster.Value.ServiceId);
        return command;
    }
}
