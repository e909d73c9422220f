using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Hands Orleans SQLite connections tuned for one busy process: SQLite waits on locks itself
/// (busy_timeout) instead of Microsoft.Data.Sqlite's 150 ms sleeps, and writes outside explicit
/// transactions share transactions through one group commit (see <see cref="GatedSqliteCommand"/>).
/// </summary>
internal sealed class SqliteDataSource : DbDataSource
{
    public const int BusyTimeoutMs = 10_000;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _connectionString;
    private readonly SqliteGroupCommit _groupCommit;

    public SqliteDataSource(string connectionString)
    {
        _connectionString = connectionString;
        _groupCommit = new SqliteGroupCommit(() =>
        {
            var writer = new SqliteConnection(connectionString);
            writer.Open();
            Tune(writer);
            return writer;
        }, _writeGate);
    }

    public override string ConnectionString => _connectionString;

    protected override DbConnection CreateDbConnection() => new TunedSqliteConnection(_connectionString, _groupCommit);

    /// <summary>Runs <paramref name="action"/> while this process's writers wait their turn.</summary>
    public async Task WhileWritersWaitAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await action();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _groupCommit.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _writeGate.Dispose();
        }
        base.Dispose(disposing);
    }

    private static void Tune(SqliteConnection connection)
    {
        using var pragmas = connection.CreateCommand();
        // NORMAL is durable in WAL mode except for the last commits before a power loss; a process kill loses nothing.
        // Checkpoints run in the background (SqliteCheckpointer), not inside commits.
        // After a WAL restart the file is cut back to 64 MiB.
        pragmas.CommandText = $"PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=67108864;";
        pragmas.ExecuteNonQuery();
    }

    private sealed class TunedSqliteConnection(string connectionString, SqliteGroupCommit groupCommit) : SqliteConnection(connectionString)
    {
        // Native connections already tuned. Open() hands out pooled ones, which keep their pragmas; running
        // them on every open was ~3% of the node's CPU in a burst (sqlite3Pragma, prepare, exec in a profile).
        private static readonly ConditionalWeakTable<sqlite3, object> Tuned = new();

        public override void Open()
        {
            base.Open();
            var handle = Handle!;
            if (Tuned.TryGetValue(handle, out _))
            {
                return;
            }
            Tune(this);
            Tuned.AddOrUpdate(handle, Tuned);
        }

        public override SqliteCommand CreateCommand() =>
            new GatedSqliteCommand(groupCommit) { Connection = this, CommandTimeout = DefaultTimeout, Transaction = Transaction };
    }
}
