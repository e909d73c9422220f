using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Grains.Storage;

/// <summary>The cluster storage: a PostgreSQL database shared by every silo and gateway.</summary>
internal sealed class PostgresStorage(IOptions<TimerGridOptions> options) : IStorageDialect, IDisposable
{
    /// <summary>Any constant both silos agree on: it names the advisory lock that serializes migrations.</summary>
    private const long MigrationLockKey = 0x54696D6572477264;   // "TimerGrd"

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(WithDefaults(
        options.Value.ConnectionString ?? throw new InvalidOperationException("TimerGrid:ConnectionString is required for Postgres storage")));

    private PostgresGroupCommit? _groupCommit;

    public string Name => "Postgres";

    public string Invariant => "Npgsql";

    public DbDataSource DataSource => _dataSource;

    /// <summary>The silo's writes of grain state and reminders, committed together (started at the first use: commands that only migrate never need it).</summary>
    public PostgresGroupCommit GroupCommit => LazyInitializer.EnsureInitialized(ref _groupCommit, () => new PostgresGroupCommit(_dataSource));

    public async Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({MigrationLockKey})";   // held until commit
        await command.ExecuteNonQueryAsync(cancellationToken);
        return transaction;
    }

    public async Task WriteInTransactionAsync(Func<DbTransaction, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await work(transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public bool IsUniqueViolation(DbException error) => error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public void Dispose()
    {
        _groupCommit?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _dataSource.Dispose();
    }

    /// <summary>
    /// While the database is unreachable, calls should fail in seconds (a 503), not wait Npgsql's default 15 s to connect.
    /// A pooled connection is not reset (DISCARD ALL) when it returns: TimerGrid keeps no session state, and a reset
    /// would throw away the plans PostgreSQL cached for the job-list trigger, so every write would plan it anew.
    /// A setting the connection string names wins.
    /// </summary>
    private static string WithDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout"))
        {
            builder.Timeout = 3;
        }
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }
        return builder.ConnectionString;
    }
}
