using Microsoft.Data.Sqlite;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Storage;

public sealed class SqliteDialectTests : StorageDialectTests
{
    private readonly TempDir _dataDir = new();

    private protected override Task<IStorageDialect> CreateDialectAsync() => Task.FromResult(TestDialects.Sqlite(_dataDir.Path));

    [Fact]
    public async Task Migrate_SwitchesTheFileToWal()
    {
        await Migrator().MigrateAsync(CancellationToken.None);

        Assert.Equal("wal", (await QueryAsync("PRAGMA journal_mode"))[0][0]);
    }

    [Fact]
    public async Task Connections_FreshOrReusedFromThePool_RunWithTheTunedPragmas()
    {
        await Migrator().MigrateAsync(CancellationToken.None);
        await using var held = await Dialect.DataSource.OpenConnectionAsync();   // the next opens get another native connection

        for (var i = 0; i < 3; i++)   // the first opens a new native connection, the next reuse it from the pool
        {
            var pragmas = await QueryAsync("SELECT timeout, synchronous FROM pragma_busy_timeout, pragma_synchronous");
            Assert.Equal([10000L, 1L], pragmas[0]);   // synchronous 1 = NORMAL
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

    private async Task<string> PlanAsync(string sql) => string.Join("\n", (await QueryAsync("EXPLAIN QUERY PLAN " + sql)).Select(r => r[3]));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dataDir.Dispose();
    }
}
