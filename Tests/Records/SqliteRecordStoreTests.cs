using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Records;

public sealed class SqliteRecordStoreTests : RecordStoreTests
{
    private readonly TempDir _dataDir = new();

    private protected override Task<IStorageDialect> CreateDialectAsync() =>
        Task.FromResult<IStorageDialect>(new SqliteStorage(Options.Create(new TimerGridOptions { DataDir = _dataDir.Path })));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dataDir.Dispose();
    }
}
