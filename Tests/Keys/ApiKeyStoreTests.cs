using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TimerGrid.Grains.Interfaces.Keys;
using TimerGrid.Grains.Keys;
using TimerGrid.Grains.Records;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Keys;

/// <summary>tg_api_keys on both dialects: rows of this service only, listed by scope, revoked once for good.</summary>
public sealed class ApiKeyStoreTests : IDisposable
{
    private readonly TempDir _dataDir = new();

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Keys_StoredByHash_ListedByScope_RevokedOnce(string dialectName)
    {
        var dialect = dialectName == "Sqlite" ? TestDialects.Sqlite(_dataDir.Path) : await TestDialects.PostgresAsync();
        try
        {
            await new SchemaMigrator(dialect, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
            var store = Store(dialect, "svc");
            var (id, secret) = ApiKeyToken.Create();
            await store.InsertAsync(Key(id, "shop", ApiKeyToken.Hash(secret), 1_000));
            await store.InsertAsync(Key("00000000000000aa", "*", "other-hash", 2_000));

            var read = await store.ReadAsync(id);
            Assert.Equal(ApiKeyToken.Hash(secret), read!.Hash);
            Assert.Equal(Key(id, "shop", ApiKeyToken.Hash(secret), 1_000), read);
            Assert.Equal([id, "00000000000000aa"], (await store.ListAsync(null)).Select(k => k.View.Id));
            Assert.Equal([id], (await store.ListAsync("shop")).Select(k => k.View.Id));
            Assert.Empty(await Store(dialect, "another service").ListAsync(null));

            await store.RevokeAsync(id, 5_000);
            await store.RevokeAsync(id, 9_000);
            Assert.Equal(5_000, (await store.ReadAsync(id))!.View.RevokedTime);
            Assert.Null((await store.ReadAsync("00000000000000aa"))!.View.RevokedTime);
        }
        finally
        {
            (dialect as IDisposable)?.Dispose();
            SqliteConnection.ClearAllPools();
        }
    }

    private static ApiKeyStore Store(IStorageDialect dialect, string serviceId) =>
        new(new StoredQueries(dialect, new QueryTexts(dialect), Options.Create(new ClusterOptions { ServiceId = serviceId })));

    private static StoredApiKey Key(string id, string db, string hash, long created) =>
        new(new ApiKeyView { Id = id, Db = db, Role = ApiKeyRole.Write, Name = "n", CreatedTime = created }, hash);

    public void Dispose() => _dataDir.Dispose();
}
