using System.Data.Common;
using System.Text;
using System.Text.Json;
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

    [Fact]
    public async Task ListingMigration_OverJobsStoredBeforeIt_ListsThemAndLeavesDuplicateNamesWithBoth()
    {
        await Migrator().MigrateAsync(CancellationToken.None);
        // Two jobs holding one name, as before names were unique: stored as shared labels, then plain (a job keeps a name it holds).
        foreach (var id in new[] { "a", "b" })
        {
            await WriteJobAsync(id, "dup", shared: true, "scheduled");
            await WriteJobAsync(id, "dup", shared: false, "scheduled");
        }
        await WriteJobAsync("c", "own", shared: false, "failed");
        // A database from before script 0011 has no listing: forget it and migrate again.
        await QueryAsync("DELETE FROM tg_job_list");
        await QueryAsync("DELETE FROM tg_job_counts");
        await QueryAsync("DELETE FROM tg_schema_migrations WHERE name LIKE '0011%'");
        await Migrator().MigrateAsync(CancellationToken.None);

        var listed = await QueryAsync("SELECT id, name, status FROM tg_job_list WHERE ServiceId = 'svc' ORDER BY id");
        Assert.Equal(["a", "b", "c"], listed.Select(r => (string)r[0]!));
        Assert.Equal(["dup", "dup", "own"], listed.Select(r => (string)r[1]!));
        Assert.Equal(3, Convert.ToInt64((await QueryAsync("SELECT SUM(n) FROM tg_job_counts WHERE ServiceId = 'svc'"))[0][0]));
        await WriteJobAsync("b", "dup", shared: false, "delivered");   // a job firing with a name it shares still writes
        var refused = await Assert.ThrowsAnyAsync<DbException>(() => WriteJobAsync("d", "dup", shared: false, "scheduled"));
        Assert.True(Dialect.IsUniqueViolation(refused), refused.Message);
        Assert.Equal(["delivered", "failed", "scheduled"], (await QueryAsync("SELECT status FROM tg_job_counts WHERE ServiceId = 'svc' AND n > 0 ORDER BY status")).Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task FinishedJobs_FollowEachJobsStateAndTheMigrationFindsThoseStoredBeforeIt()
    {
        await Migrator().MigrateAsync(CancellationToken.None);
        await WriteStateAsync("early", "\"status\":\"delivered\",\"deliveredAt\":100,\"firedAt\":90,\"updatedAt\":1");
        await WriteStateAsync("late", "\"status\":\"delivered\",\"deliveredAt\":300");
        await WriteStateAsync("ended", "\"status\":\"completed\",\"firedAt\":200");
        await WriteStateAsync("waiting", "\"status\":\"scheduled\",\"dueAt\":50");
        await WriteStateAsync("dead", "\"status\":\"failed\",\"firedAt\":10");
        await WriteStateAsync("again", "\"status\":\"delivered\",\"deliveredAt\":150");
        await WriteStateAsync("again", "\"status\":\"scheduled\",\"dueAt\":400");   // run now: not finished any more
        await WriteStateAsync("gone", "\"status\":\"delivered\",\"deliveredAt\":120");
        await WriteStateAsync("gone", null);   // deleted: its grain cleared it

        Assert.Equal(["d/c/early", "d/c/ended"], await FinishedBeforeAsync(250));

        // A database from before script 0019: forget it and migrate again.
        await QueryAsync("DELETE FROM tg_finished_jobs");
        await QueryAsync("DELETE FROM tg_schema_migrations WHERE name LIKE '0019%'");
        await Migrator().MigrateAsync(CancellationToken.None);
        Assert.Equal(["d/c/early", "d/c/ended", "d/c/late"], await FinishedBeforeAsync(1000));
    }

    private async Task<IEnumerable<string>> FinishedBeforeAsync(long before)
    {
        var sql = (string)(await QueryAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'TimerGridFinishedJobsKey'"))[0][0]!;
        return (await QueryAsync(sql, ("ServiceId", "svc"), ("Before", before), ("Limit", 10))).Select(r => (string)r[0]!);
    }

    /// <summary>Writes a job's state row as the grain storage does, with <paramref name="fields"/> beside what the listing needs; null clears it.</summary>
    private Task WriteStateAsync(string id, string? fields) => QueryAsync("""
        INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash, PayloadBinary, Version, ModifiedOn)
        VALUES ('svc', 'job', 0, 0, @key, 0, 0, @payload, 1, @now)
        ON CONFLICT (ServiceId, GrainTypeString, GrainIdExtensionString, GrainIdN0, GrainIdN1) DO UPDATE SET PayloadBinary = excluded.PayloadBinary
        """, ("key", $"d/c/{id}"), ("now", DateTime.UtcNow),
        ("payload", fields is null ? DBNull.Value : Encoding.UTF8.GetBytes($$"""{"route":"r","enabled":true,{{fields}}}""")));

    /// <summary>Stores a job's state row as the grain storage does (an insert, or an update of its payload).</summary>
    private Task WriteJobAsync(string id, string name, bool shared, string status) => QueryAsync("""
        INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash, PayloadBinary, Version, ModifiedOn)
        VALUES ('svc', 'job', 0, 0, @key, 0, 0, @payload, 1, @now)
        ON CONFLICT (ServiceId, GrainTypeString, GrainIdExtensionString, GrainIdN0, GrainIdN1) DO UPDATE SET PayloadBinary = excluded.PayloadBinary
        """, ("key", $"d/c/{id}"), ("now", DateTime.UtcNow),
        ("payload", JsonSerializer.SerializeToUtf8Bytes(new { route = "r", name, sharedName = shared, enabled = true, status, dueAt = (long?)null })));

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
