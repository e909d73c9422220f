using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Hands Orleans SQLite connections that wait on locks inside SQLite (busy_timeout) instead of
/// Microsoft.Data.Sqlite's own 150 ms sleeps, which would block Orleans scheduler threads.
/// </summary>
internal sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new TunedSqliteConnection(connectionString);

    private sealed class TunedSqliteConnection(string connectionString) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            using var pragmas = CreateCommand();
            // NORMAL is durable in WAL mode except for the last commits before a power loss; a process kill loses nothing.
            pragmas.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;";
            pragmas.ExecuteNonQuery();
        }
    }
}
