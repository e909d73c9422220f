using TimerGrid.Grains.Records;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Records;

public sealed class PostgresRecordStoreTests : RecordStoreTests
{
    private protected override Task<IStorageDialect> CreateDialectAsync() => TestDialects.PostgresAsync();

    [Theory]
    [InlineData(RecordQueryKeys.ExecutionsOfDb, "ix_tg_executions_db")]
    [InlineData(RecordQueryKeys.ExecutionsOfJob, "ix_tg_executions_job")]
    [InlineData(RecordQueryKeys.FailedExecutions, "ix_tg_executions_failed")]
    [InlineData(RecordQueryKeys.Audit, "ix_tg_audit_db")]
    public async Task ListingQueries_NewestFirst_ReadInIndexOrderWithoutSorting(string key, string index)
    {
        var plan = await PlanAsync(key, ("Db", "d"), ("Collection", "c"), ("JobId", "j"), ("From", 0L), ("To", long.MaxValue),
            ("BeforeTime", long.MaxValue), ("BeforeId", key == RecordQueryKeys.Audit ? long.MaxValue : "z"), ("Limit", 10));

        Assert.Contains(index, plan);
        Assert.DoesNotContain("Sort", plan);
    }

    private async Task<string> PlanAsync(string key, params (string Name, object Value)[] parameters)
    {
        var sql = await new QueryTexts(Dialect).GetAsync(key, default);
        await using var connection = await Dialect.DataSource.OpenConnectionAsync();
        await using (var off = connection.CreateCommand())
        {
            off.CommandText = "SET enable_seqscan = off";   // an empty table makes any plan a scan: forbid it to see what indexes serve
            await off.ExecuteNonQueryAsync();
        }
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN " + sql;
        var rows = await DbRows.ReadAllAsync(command.WithParameters([("ServiceId", "svc"), .. parameters]));
        return string.Join("\n", rows.Select(r => r[0]));
    }
}
