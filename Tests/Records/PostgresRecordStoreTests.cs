using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Records;

public sealed class PostgresRecordStoreTests : RecordStoreTests
{
    private protected override async Task<IStorageDialect> CreateDialectAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        var options = new TimerGridOptions { Storage = StorageKind.Postgres, ConnectionString = await server.CreateDatabaseAsync() };
        return new PostgresStorage(Options.Create(options));
    }
}
