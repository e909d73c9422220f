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

    private async Task<string> PlanAsync(string sql) =>
        string.Join("\n", (await QueryAsync($"SET enable_seqscan = off; EXPLAIN {sql}")).Select(r => r[0]));
}
