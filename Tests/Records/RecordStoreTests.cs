using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Records;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;
using static TimerGrid.Tests.Records.RecordSamples;

namespace TimerGrid.Tests.Records;

/// <summary>The record side's SQL contract, which every dialect honours; one subclass per dialect. The writer's part: RecordStoreTests.Writer.cs.</summary>
public abstract partial class RecordStoreTests : IAsyncLifetime
{
    private const string ServiceId = "svc";

    private protected IStorageDialect Dialect { get; private set; } = null!;

    private protected RecordStore Store { get; private set; } = null!;

    private protected abstract Task<IStorageDialect> CreateDialectAsync();

    [Fact]
    public async Task ReadExecutions_ByDbCollectionJobAndRange_OnlyMatchesNewestFirst()
    {
        await Store.WriteAsync([
            Execution("d/a/j1", 100, 1), Execution("d/a/j1", 300, 2), Execution("d/a/j1", 200, 3), Execution("d/a/j2", 150, 4),
            Execution("d/b/j1", 250, 5), Execution("e/a/j1", 120, 6)], [], default);

        Assert.Equal([2, 5, 3, 4, 1], await ExecutionNumbersAsync(new RecordQuery { Db = "d" }));
        Assert.Equal([2, 3, 4, 1], await ExecutionNumbersAsync(new RecordQuery { Db = "d", Collection = "a" }));
        Assert.Equal([2, 3, 1], await ExecutionNumbersAsync(new RecordQuery { Db = "d", Collection = "a", JobId = "j1" }));
        Assert.Equal([3, 1], await ExecutionNumbersAsync(new RecordQuery { Db = "d", Collection = "a", JobId = "j1", From = 100, To = 300 }));
        Assert.Equal([2, 5], await ExecutionNumbersAsync(new RecordQuery { Db = "d" }, limit: 2));
    }

    [Fact]
    public async Task ReadExecutions_PagedByLastRowsKeyset_EveryExecutionOnceInOrder()
    {
        var written = Tied("d/c/j", 23);
        await Store.WriteAsync(written, [], default);

        var read = new List<ExecutionView>();
        for (var before = (Time: long.MaxValue, Id: ""); ;)
        {
            var page = await Store.ReadExecutionsAsync(new RecordQuery { Db = "d", Collection = "c", JobId = "j" }, 4, before);
            read.AddRange(page);
            if (page.Count < 4)
            {
                break;
            }
            before = (page[^1].ScheduledTime, page[^1].ExecutionId);
        }

        Assert.Equal(NewestFirst(written), read.Select(e => e.ExecutionId));
    }

    [Fact]
    public async Task WriteExecution_LaterWriteWithoutFiredTime_ReplacesAllButTheFiredTime()
    {
        var running = Execution("d/c/j", 100, 1, ExecutionState.Running) with { Error = "timeout" };
        await Store.WriteAsync([running], [], default);
        var failed = running with { FiredTime = null, State = ExecutionState.Failed, Attempt = 4, Error = null, HttpStatus = null, UpdatedTime = 999 };
        await Store.WriteAsync([failed], [], default);

        Assert.Equal(failed with { FiredTime = running.FiredTime }, await Store.ReadExecutionAsync(running.ExecutionId));
        Assert.Null(await Store.ReadExecutionAsync("ffff"));
    }

    [Fact]
    public async Task ReadAudit_FilteredAndPaged_EveryEntryOnceNewestFirst()
    {
        await Store.WriteAsync([], [.. Enumerable.Range(0, 9).Select(i => Audit("d/c/j", 100 + i / 2)), Audit("d/c/other", 105), Audit("d/x/j", 106), Audit("e/c/j", 107)], default);

        var all = await Store.ReadAuditAsync(new RecordQuery { Db = "d" }, 100, (long.MaxValue, long.MaxValue));
        Assert.Equal(11, all.Count);
        Assert.Equal(all.OrderByDescending(a => a.CreatedTime).ThenByDescending(a => a.Id), all);
        Assert.All(all, a => Assert.Equal(("nightly report", "anonymous", AuditEvent.Added), (a.JobName, a.User, a.Event)));

        var read = new List<AuditEntry>();
        var query = new RecordQuery { Db = "d", Collection = "c", JobId = "j", From = 101 };
        for (var before = (Time: long.MaxValue, Id: long.MaxValue); ;)
        {
            var page = await Store.ReadAuditAsync(query, 2, before);
            read.AddRange(page);
            if (page.Count < 2)
            {
                break;
            }
            before = (page[^1].CreatedTime, page[^1].Id);
        }
        Assert.Equal(all.Where(a => a.Job.Collection == "c" && a.Job.Id == "j" && a.CreatedTime >= 101), read);
    }

    [Fact]
    public async Task DeleteOlderThan_InSmallChunks_DeletesOldRowsKeepsRecent()
    {
        await Store.WriteAsync([.. Tied("d/c/j", 7).Select(e => e with { UpdatedTime = 10 }), Execution("d/c/j", 20, 100) with { UpdatedTime = 50 }],
            [Audit("d/c/j", 10), Audit("d/c/j", 11), Audit("d/c/j", 50)], default);

        Assert.Equal((7L, 2L), await Store.DeleteOlderThanAsync(50, chunk: 2, default));

        Assert.Equal([100], await ExecutionNumbersAsync(new RecordQuery { Db = "d" }));
        Assert.Equal([50L], (await Store.ReadAuditAsync(new RecordQuery { Db = "d" }, 10, (long.MaxValue, long.MaxValue))).Select(a => a.CreatedTime));
    }

    [Fact]
    public async Task Retention_RunAtAFixedTime_DeletesRecordsOlderThanTheRetention()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(2_000_000_000_000);
        var old = now.AddDays(-31).ToUnixTimeMilliseconds();
        var recent = now.AddDays(-29).ToUnixTimeMilliseconds();
        await Store.WriteAsync([Execution("d/c/j", old, 1) with { UpdatedTime = old }, Execution("d/c/j", old, 2) with { UpdatedTime = recent }],
            [Audit("d/c/j", old), Audit("d/c/j", recent)], default);
        var retention = new RecordRetention(Store, Options.Create(new RecordOptions()), new FixedClock(now), NullLogger<RecordRetention>.Instance);

        Assert.Equal((1L, 1L), await retention.DeleteExpiredAsync(default));

        Assert.Equal([2], await ExecutionNumbersAsync(new RecordQuery { Db = "d" }));
        Assert.Equal([recent], (await Store.ReadAuditAsync(new RecordQuery { Db = "d" }, 10, (long.MaxValue, long.MaxValue))).Select(a => a.CreatedTime));
    }

    private async Task<List<int>> ExecutionNumbersAsync(RecordQuery query, int limit = 100) =>
        (await Store.ReadExecutionsAsync(query, limit, (long.MaxValue, ""))).Select(e => Convert.ToInt32(e.ExecutionId, 16)).ToList();

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await Dialect.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task InitializeAsync()
    {
        Dialect = await CreateDialectAsync();
        await new SchemaMigrator(Dialect, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        Store = new RecordStore(Dialect, new StoredQueries(Dialect, new QueryTexts(Dialect), Options.Create(new ClusterOptions { ServiceId = ServiceId })));
    }

    public virtual Task DisposeAsync()
    {
        (Dialect as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }
}
