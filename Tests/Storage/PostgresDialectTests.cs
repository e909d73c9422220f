using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Storage;

public sealed class PostgresDialectTests : StorageDialectTests
{
    private protected override Task<IStorageDialect> CreateDialectAsync() => TestDialects.PostgresAsync();

    [Fact]
    public async Task JobIndex_StatusAndCollectionQueries_CanBeServedByIndexes()
    {
        await Migrator().MigrateAsync(CancellationToken.None);

        // An empty table makes any plan a sequential scan; forbid it to see what the indexes can serve.
        var byStatus = await PlanAsync("SELECT job_key FROM tg_jobs WHERE service_id = 's' AND status = 'failed' AND due_at < 5");
        var byCollection = await PlanAsync("SELECT job_key FROM tg_jobs WHERE service_id = 's' AND job_key >= 'db/c/' AND job_key < 'db/c0'");

        Assert.Contains("ix_orleansstorage_jobstatusdue", byStatus);
        Assert.Contains("Index", byCollection);
        Assert.DoesNotContain("Seq Scan", byStatus + byCollection);
    }

    private async Task<string> PlanAsync(string sql) =>
        string.Join("\n", (await QueryAsync($"SET enable_seqscan = off; EXPLAIN {sql}")).Select(r => r[0]));
}
