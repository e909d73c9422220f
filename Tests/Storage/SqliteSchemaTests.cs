using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Storage;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly TempDir _dataDir = new();
    private readonly SqliteStorage _storage;

    public SqliteSchemaTests() => _storage = new SqliteStorage(Options.Create(new TimerGridOptions { DataDir = _dataDir.Path }));

    [Fact]
    public async Task Migrate_ConcurrentlyAndRepeatedly_AppliesEachScriptOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Migrator().MigrateAsync(CancellationToken.None)));
        await Migrator().MigrateAsync(CancellationToken.None);

        var applied = await QueryAsync("SELECT name FROM tg_schema_migrations ORDER BY name");
        Assert.Equal(SchemaMigrator.Scripts(_storage.Name).Select(s => s.Name), applied.Select(r => (string)r[0]!));
        Assert.Equal("wal", (await QueryAsync("PRAGMA journal_mode"))[0][0]);
    }

    [Theory]
    [InlineData(-60, true)]     // overdue: must tick
    [InlineData(25, true)]      // inside loading window + refresh period + margin: a refresh must not drop it
    [InlineData(31, false)]     // far: left out of refreshes until it comes close
    [InlineData(60 * 24 * 30, false)]
    public async Task ReminderRangeQueries_ReturnRowsDueWithinTheMarginOnly(int minutesAhead, bool returned)
    {
        await Migrator().MigrateAsync(CancellationToken.None);
        var start = DateTime.UtcNow.AddMinutes(minutesAhead);
        await ExecuteAsync("""
            INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
            VALUES ('svc', 'job/d/c/j', 'fire', @start, 60000, 12345, 0)
            """, ("@start", start));

        foreach (var key in new[] { "ReadRangeRows1Key", "ReadRangeRows2Key" })
        {
            var (begin, end) = key == "ReadRangeRows1Key" ? (0, 20000) : (20000, 15000);
            var sql = (string)(await QueryAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @k", ("@k", key)))[0][0]!;
            var rows = await QueryAsync(sql, ("@ServiceId", "svc"), ("@BeginHash", begin), ("@EndHash", end));
            Assert.Equal(returned, rows.Count == 1);
        }
    }

    [Fact]
    public async Task JobIndex_StatusAndCollectionQueries_UseIndexesNotScans()
    {
        await Migrator().MigrateAsync(CancellationToken.None);

        var byStatus = await PlanAsync("SELECT job_key FROM tg_jobs WHERE service_id = 's' AND status = 'failed' AND due_at < 5");
        var byCollection = await PlanAsync("SELECT job_key FROM tg_jobs WHERE service_id = 's' AND job_key >= 'db/c/' AND job_key < 'db/c0'");

        Assert.Contains("IX_OrleansStorage_JobStatusDue", byStatus);
        Assert.Contains("SEARCH OrleansStorage USING INDEX sqlite_autoindex_OrleansStorage", byCollection);   // the primary key
        Assert.DoesNotContain("SCAN", byStatus + byCollection);
    }

    private SchemaMigrator Migrator() => new(_storage, NullLogger<SchemaMigrator>.Instance);

    private async Task<string> PlanAsync(string sql) =>
        string.Join("\n", (await QueryAsync("EXPLAIN QUERY PLAN " + sql)).Select(r => r[3]));

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _storage.DataSource.OpenConnectionAsync();
        await using var command = (SqliteCommand)connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }

    private Task<List<object?[]>> QueryAsync(string sql, params (string Name, object Value)[] parameters) =>
        SqliteFile.QueryAsync(Path.Combine(_dataDir.Path, SqliteStorage.FileName), sql, parameters);

    public void Dispose()
    {
        _storage.Dispose();
        SqliteConnection.ClearAllPools();
        _dataDir.Dispose();
    }
}
