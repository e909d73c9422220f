using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Storage;

namespace TimerGrid.Tests.Fixtures;

/// <summary>Storage dialects over fresh, empty databases, for tests that talk to storage without a silo.</summary>
internal static class TestDialects
{
    public static IStorageDialect Sqlite(string dataDir) => new SqliteStorage(Options.Create(new TimerGridOptions { DataDir = dataDir }), NullLogger<SqliteCheckpointer>.Instance);

    /// <summary>A new database on the shared private PostgreSQL server.</summary>
    public static async Task<IStorageDialect> PostgresAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        var options = new TimerGridOptions { Storage = StorageKind.Postgres, ConnectionString = await server.CreateDatabaseAsync() };
        return new PostgresStorage(Options.Create(options));
    }
}
