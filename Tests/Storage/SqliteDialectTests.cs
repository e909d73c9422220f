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
    public async Task DueJobsAndListingQueries_UseTheListingIndexesNotScans()
    {
        await Migrator().MigrateAsync(CancellationToken.None);

        var due = await PlanAsync(await QueryTextAsync("TimerGridDueJobsKey"));
        var page = await PlanAsync(await QueryTextAsync("TimerGridJobPageKey"));

        Assert.Contains("IX_tg_job_list_Due", due);
        Assert.Contains("IX_tg_job_list_Time", page);
        Assert.DoesNotContain("SCAN tg_job_list", due + page);
    }

    [Fact]
    public async Task StateWrite_RunAgainWithNewValues_IsNotPreparedAgain()
    {
        await Migrator().MigrateAsync(CancellationToken.None);
        await using var connection = (SqliteConnection)await Dialect.DataSource.OpenConnectionAsync();
        using var statements = PreparedStatements.Of(connection, await QueryTextAsync("WriteToStorageKey"));

        long? version = null;
        foreach (var status in new[] { "scheduled", "scheduled", "delivered" })
        {
            version = statements.WriteJobState(version, $$"""{"status":"{{status}}","route":"r","enabled":true,"dueAt":{{(status == "delivered" ? "null" : "5")}}}""");
        }

        // An expression index over a column the write sets made SQLite prepare the statement anew on every run.
        Assert.All(statements.RepreparedCounts(), count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task ExecutionUpsert_RunAgainWithNewValuesToAndFromFailed_IsNotPreparedAgain()
    {
        await Migrator().MigrateAsync(CancellationToken.None);
        await using var connection = (SqliteConnection)await Dialect.DataSource.OpenConnectionAsync();
        using var statements = PreparedStatements.Of(connection, await QueryTextAsync("TimerGridUpsertExecutionKey"));

        var states = new[] { "running", "retrying", "failed", "failed", "running", "succeeded" };
        for (var attempt = 1L; attempt <= states.Length; attempt++)
        {
            statements.Run(new Dictionary<string, object?>
            {
                ["@ServiceId"] = "svc", ["@ExecutionId"] = "e1", ["@Db"] = "d", ["@Collection"] = "c", ["@JobId"] = "j",
                ["@ScheduledTime"] = 100L, ["@FiredTime"] = 100L + attempt, ["@FinishedTime"] = 200L + attempt, ["@Attempt"] = attempt,
                ["@State"] = states[attempt - 1], ["@HttpStatus"] = 500L, ["@LatencyMs"] = attempt, ["@Error"] = $"HTTP 500 ({attempt})",
                ["@Result"] = null, ["@UpdatedTime"] = 300L + attempt,
            });
        }

        // The partial index of failed executions reads state, which every run sets (to and from 'failed' here).
        Assert.All(statements.RepreparedCounts(), count => Assert.Equal(0, count));
        Assert.Equal("succeeded", (await QueryAsync("SELECT state FROM tg_executions WHERE execution_id = 'e1'"))[0][0]);
    }

    [Fact]
    public async Task FailedExecutionsQuery_ReadsThePartialIndexInOrder()
    {
        await Migrator().MigrateAsync(CancellationToken.None);

        var plan = await PlanAsync(await QueryTextAsync("TimerGridFailedExecutionsKey"));

        Assert.Contains("USING INDEX IX_tg_executions_Failed", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    private async Task<string> QueryTextAsync(string key) =>
        (string)(await QueryAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @k", ("k", key)))[0][0]!;

    private async Task<string> PlanAsync(string sql) => string.Join("\n", (await QueryAsync("EXPLAIN QUERY PLAN " + sql)).Select(r => r[3]));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dataDir.Dispose();
    }
}
