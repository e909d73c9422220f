using Microsoft.Data.Sqlite;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Records;

public sealed class SqliteRecordStoreTests : RecordStoreTests
{
    private readonly TempDir _dataDir = new();

    private protected override Task<IStorageDialect> CreateDialectAsync() => Task.FromResult(TestDialects.Sqlite(_dataDir.Path));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dataDir.Dispose();
    }
}
