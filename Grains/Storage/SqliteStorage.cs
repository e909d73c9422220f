using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Grains.Storage;

/// <summary>The embedded single-node storage: one SQLite file under <c>TimerGrid:DataDir</c>, WAL mode.</summary>
internal sealed class SqliteStorage : IStorageDialect, IDisposable
{
    public const string FileName = "timergrid.db";

    private const int UniqueErrorCode = 19;            // SQLITE_CONSTRAINT
    private const int UniqueExtendedErrorCode = 2067;  // SQLITE_CONSTRAINT_UNIQUE (a primary key is 1555)

    private readonly SqliteDataSource _dataSource;
    private readonly SqliteCheckpointer _checkpointer;

    public SqliteStorage(IOptions<TimerGridOptions> options, ILogger<SqliteCheckpointer> checkpointLog)
    {
        var dataDir = Path.GetFullPath(options.Value.DataDir);
        Directory.CreateDirectory(dataDir);
        var databasePath = Path.Combine(dataDir, FileName);
        _dataSource = new SqliteDataSource(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString());
        _checkpointer = new SqliteCheckpointer(_dataSource, databasePath, checkpointLog);
    }

    public string Name => "Sqlite";

    // Orleans maps this invariant to Microsoft.Data.Sqlite's factory.
    public string Invariant => "System.Data.SQLite";

    public DbDataSource DataSource => _dataSource;

    public async Task<DbTransaction> BeginMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";   // persistent in the file: once is enough, repeating is harmless
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        return ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);   // BEGIN IMMEDIATE
    }

    // SQLite gates writers by statement, and statements inside a transaction are not gated: hold the gate for the
    // whole transaction, or this process's other writers would sleep in SQLite's busy handler until it commits.
    public Task WriteInTransactionAsync(Func<DbTransaction, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        _dataSource.WhileWritersWaitAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);   // BEGIN IMMEDIATE
            await work(transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);

    public bool IsUniqueViolation(DbException error) => error is SqliteException { SqliteErrorCode: UniqueErrorCode, SqliteExtendedErrorCode: UniqueExtendedErrorCode };

    public void Dispose()
    {
        _checkpointer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _dataSource.Dispose();
    }
}
