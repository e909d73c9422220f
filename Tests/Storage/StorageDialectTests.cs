using Microsoft.Extensions.Logging.Abstractions;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Storage;

/// <summary>The storage contract every dialect honours; one subclass per dialect.</summary>
public abstract class StorageDialectTests : IAsyncLifetime
{
    private protected IStorageDialect Dialect { get; private set; } = null!;

    private protected abstract Task<IStorageDialect> CreateDialectAsync();

    [Fact]
    public async Task Migrate_ConcurrentlyAndRepeatedly_AppliesEachScriptOnce()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Migrator().MigrateAsync(CancellationToken.None)));
        await Migrator().MigrateAsync(CancellationToken.None);

        var applied = await QueryAsync("SELECT name FROM tg_schema_migrations ORDER BY name");
        Assert.Equal(SchemaMigrator.Scripts(Dialect.Name).Select(s => s.Name), applied.Select(r => (string)r[0]!));
    }

    [Theory]
    [InlineData(-60, true)]     // overdue: must tick
    [InlineData(25, true)]      // inside loading window + refresh period + margin: a refresh must not drop it
    [InlineData(31, false)]     // far: left out of refreshes until it comes close
    [InlineData(60 * 24 * 30, false)]
    public async Task ReminderRangeQueries_ReturnRowsDueWithinTheMarginOnly(int minutesAhead, bool returned)
    {
        await Migrator().MigrateAsync(CancellationToken.None);
        await QueryAsync("""
            INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
            VALUES ('svc', 'job/d/c/j', 'fire', @start, 60000, 12345, 0)
            """, ("start", DateTime.UtcNow.AddMinutes(minutesAhead)));

        foreach (var (key, begin, end) in new[] { ("ReadRangeRows1Key", 0, 20000), ("ReadRangeRows2Key", 20000, 15000) })
        {
            var sql = (string)(await QueryAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = @k", ("k", key)))[0][0]!;
            var rows = await QueryAsync(sql, ("ServiceId", "svc"), ("BeginHash", begin), ("EndHash", end));
            Assert.Equal(returned, rows.Count == 1);
        }
    }

    [Fact]
    public void Scripts_SameNamesInEveryDialect()
    {
        Assert.Equal(SchemaMigrator.Scripts("Sqlite").Select(s => s.Name), SchemaMigrator.Scripts("Postgres").Select(s => s.Name));
        Assert.NotEmpty(SchemaMigrator.Scripts(Dialect.Name));
    }

    private protected SchemaMigrator Migrator() => new(Dialect, NullLogger<SchemaMigrator>.Instance);

    private protected async Task<List<object?[]>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await Dialect.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await DbRows.ReadAllAsync(command.WithParameters(parameters));
    }

    public async Task InitializeAsync() => Dialect = await CreateDialectAsync();

    public virtual Task DisposeAsync()
    {
        (Dialect as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }
}
