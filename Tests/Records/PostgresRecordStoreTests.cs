using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Records;

public sealed class PostgresRecordStoreTests : RecordStoreTests
{
    private protected override Task<IStorageDialect> CreateDialectAsync() => TestDialects.PostgresAsync();
}
