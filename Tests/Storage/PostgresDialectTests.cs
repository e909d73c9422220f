using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Storage;

public sealed class PostgresDialectTests : StorageDialectTests
{
    private protected override Task<IStorageDialect> CreateDialectAsync() => TestDialects.PostgresAsync();

    [Fact]
    public async Task DueJobsQuery_CanBeServedByTheListingIndex()
    {
        await Migrator().MigrateAsync(CancellationToken.None);
        var due = (string)(await QueryAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'TimerGridDueJobsKey'"))[0][0]!;

        // An empty table makes any plan a sequential scan; forbid it to see what the indexes can serve.
        var plan = await PlanAsync(due.Replace("@ServiceId", "'s'").Replace("@Until", "5"));

        Assert.Contains("ix_tg_job_list_due", plan);
        Assert.DoesNotContain("Seq Scan", plan);
    }

    /// <summary>
    /// A script may run longer than a command may (Npgsql: 30 s): 0019's backfill took 11 s over 1,000,000 jobs, and a
    /// script that changes a table waits for the writes of silos still running the older version. A start that gave up
    /// would give up again at every restart.
    /// </summary>
    [Fact]
    public async Task Migration_OutlastsTheCommandTimeout_WhileAScriptWaitsForAWriter()
    {
        await Migrator().MigrateAsync(CancellationToken.None);
        await QueryAsync("DELETE FROM tg_schema_migrations WHERE name LIKE '0019%'");   // runs again: it replaces a trigger on OrleansStorage
        using var impatient = new PostgresStorage(Options.Create(new TimerGridOptions
        {
            Storage = StorageKind.Postgres, ConnectionString = Dialect.DataSource.ConnectionString + ";Command Timeout=1",
        }));
        await using var writer = await Dialect.DataSource.OpenConnectionAsync();
        await using var write = await writer.BeginTransactionAsync();
        await using (var lockRows = writer.CreateCommand())
        {
            lockRows.Transaction = write;
            lockRows.CommandText = "LOCK TABLE OrleansStorage IN ROW EXCLUSIVE MODE";   // what any state write holds until it commits
            await lockRows.ExecuteNonQueryAsync();
        }

        var migration = new SchemaMigrator(impatient, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await write.CommitAsync();
        await migration;

        Assert.Single(await QueryAsync("SELECT name FROM tg_schema_migrations WHERE name LIKE '0019%'"));
    }

    private async Task<string> PlanAsync(string sql) =>
        string.Join("\n", (await QueryAsync($"SET enable_seqscan = off; EXPLAIN {sql}")).Select(r => r[0]));
}
