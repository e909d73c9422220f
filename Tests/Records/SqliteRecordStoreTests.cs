using Microsoft.Data.Sqlite;
using TimerGrid.Grains.Records;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Records;

public sealed class SqliteRecordStoreTests : RecordStoreTests
{
    private readonly TempDir _dataDir = new();

    private protected override Task<IStorageDialect> CreateDialectAsync() => Task.FromResult(TestDialects.Sqlite(_dataDir.Path));

    [Theory]
    [InlineData(RecordQueryKeys.ExecutionsOfDb)]
    [InlineData(RecordQueryKeys.ExecutionsOfJob)]
    [InlineData(RecordQueryKeys.Audit)]
    public async Task ListingQueries_NewestFirst_ReadInIndexOrderWithoutSorting(string key)
    {
        var sql = await new QueryTexts(Dialect).GetAsync(key, default);
        await using var connection = await Dialect.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var rows = await DbRows.ReadAllAsync(command.WithParameters(("ServiceId", "svc"), ("Db", "d"), ("Collection", "c"), ("JobId", "j"),
            ("From", 0L), ("To", long.MaxValue), ("BeforeTime", long.MaxValue), ("BeforeId", "z"), ("Limit", 10)));
        var plan = string.Join("\n", rows.Select(r => r[3]));

        Assert.Contains("USING INDEX IX_tg_", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dataDir.Dispose();
    }
}
