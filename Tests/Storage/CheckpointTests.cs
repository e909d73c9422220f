using System.Diagnostics;
using Microsoft.Data.Sqlite;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Storage;

/// <summary>The background WAL checkpoints of a single node's SQLite file, beside a reader that keeps its snapshot.</summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly TempDir _dataDir = new();

    [Fact]
    public async Task WalPast64MiB_WhileABackupHoldsItsSnapshot_WritersGoOn()
    {
        using var storage = (SqliteStorage)TestDialects.Sqlite(_dataDir.Path);
        await ExecuteAsync(storage, "PRAGMA journal_mode=WAL");
        await ExecuteAsync(storage, "CREATE TABLE t (b BLOB)");
        await using (await SqliteFile.HoldReadAsync(Path.Combine(_dataDir.Path, SqliteStorage.FileName)))
        {
            await ExecuteAsync(storage, $"INSERT INTO t VALUES (randomblob({70 * 1024 * 1024}))");   // the WAL passes 64 MiB
            await Task.Delay(TimeSpan.FromSeconds(1.5));   // a pass tries to start the WAL over, which the snapshot forbids
            var slowest = TimeSpan.Zero;
            for (var i = 0; i < 5; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await ExecuteAsync(storage, "INSERT INTO t VALUES (x'00')");
                slowest = Stopwatch.GetElapsedTime(started) > slowest ? Stopwatch.GetElapsedTime(started) : slowest;
                await Task.Delay(300);
            }
            Assert.True(slowest < TimeSpan.FromSeconds(3), $"a small write waited {slowest.TotalSeconds:F1} s behind the checkpointer");
        }
    }

    private static async Task ExecuteAsync(SqliteStorage storage, string sql)
    {
        await using var connection = (SqliteConnection)await storage.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => _dataDir.Dispose();
}
