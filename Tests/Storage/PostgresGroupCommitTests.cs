using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Storage;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Storage;

/// <summary>Grain state writes of one silo on PostgreSQL share commits, and one refused write fails alone.</summary>
public sealed class PostgresGroupCommitTests : IAsyncLifetime
{
    private const int Writers = 200;

    private PostgresServer _server = null!;
    private PostgresStorage _dialect = null!;
    private ServiceProvider _serialization = null!;
    private PostgresGrainStorage _storage = null!;

    /// <summary>A server of its own: transaction ids count the write transactions of the whole server.</summary>
    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartPrivateAsync();
        _dialect = new PostgresStorage(Options.Create(new TimerGridOptions { Storage = StorageKind.Postgres, ConnectionString = await _server.CreateDatabaseAsync() }));
        await new SchemaMigrator(_dialect, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        _serialization = new ServiceCollection().AddSerializer().BuildServiceProvider();
        _storage = StorageOver(_dialect);
    }

    [Fact]
    public async Task TwoSilosWritingOneCollection_CountEveryJobOnce_AndFoldingTheGoneConnectionsKeepsTheCounts()
    {
        var other = new PostgresStorage(Options.Create(new TimerGridOptions { Storage = StorageKind.Postgres, ConnectionString = _dialect.DataSource.ConnectionString }));
        var otherStorage = StorageOver(other);
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => WriteJobAsync(i % 2 == 0 ? _storage : otherStorage, $"j{i}", "scheduled")));
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => WriteJobAsync(i % 2 == 0 ? otherStorage : _storage, $"j{i}", "delivered", version: "1")));
        var expected = new Dictionary<string, long> { ["scheduled"] = 60, ["delivered"] = 40 };
        Assert.Equal(expected, await CountsAsync());
        Assert.True(await StripesAsync() >= 2);   // each silo's connections count in stripes of their own

        other.Dispose();   // that silo is gone: its connections' stripes are folded
        await new PostgresCountFolding(_dialect, Queries(_dialect), TimeProvider.System, NullLogger<PostgresCountFolding>.Instance).FoldAsync(CancellationToken.None);

        Assert.Equal(expected, await CountsAsync());
        Assert.Equal(0, await ScalarAsync<long>("SELECT COUNT(*) FROM tg_job_counts WHERE stripe <> 0 AND stripe NOT IN (SELECT pid FROM pg_stat_activity)"));
    }

    [Fact]
    public async Task ConcurrentStateWrites_ShareCommits_AndAllAreDurable()
    {
        await WriteAsync("warm-up", new Probe(0));   // the query texts, read once
        var before = await TransactionIdAsync();

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => WriteAsync($"p{i}", new Probe(i))));

        var writeTransactions = await TransactionIdAsync() - before - 1;
        Assert.InRange(writeTransactions, 1, Writers / 4);
        foreach (var i in Enumerable.Range(0, Writers))
        {
            var read = await ReadAsync<Probe>("probe", $"p{i}");
            Assert.Equal((i, "1", true), (read.State!.N, read.ETag, read.RecordExists));
        }
    }

    [Fact]
    public async Task StateWritesInOneBatch_OneBreaksTheUniqueJobName_OnlyItFails()
    {
        await WriteJobAsync("first", "taken");

        var writes = Enumerable.Range(0, 50).Select(i => WriteJobAsync($"j{i}", i == 25 ? "taken" : $"name-{i}")).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return null;
            }
            catch (PostgresException e)
            {
                return e;
            }
        }));

        var refused = Assert.Single(outcomes, e => e is not null)!;
        Assert.True(_dialect.IsUniqueViolation(refused));   // what a job grain answers as 409 E025
        Assert.False((await ReadAsync<ProbeJob>("job", "d/c/j25")).RecordExists);
        foreach (var i in Enumerable.Range(0, 50).Where(i => i != 25))
        {
            Assert.Equal($"name-{i}", (await ReadAsync<ProbeJob>("job", $"d/c/j{i}")).State!.Name);
        }
    }

    /// <summary>
    /// A full disk refuses the writes that need new pages (here: a trigger refuses every other job, as a full tmpfs did),
    /// and Npgsql drops the connection after each such error. Halves of the batch one after another took 2n - 1 attempts,
    /// each on a new connection (50 writes: 99, about 5 s; a create queued behind them answered its 503 after seconds).
    /// Each write now runs alone, a few at once: the ones that fit are stored.
    /// </summary>
    [Fact]
    public async Task StateWritesInOneBatch_SomeRefusedForWantOfDiskSpace_TheOthersAreStored_EachTriedOnce()
    {
        await WriteJobAsync("warm-up", "warm-up");   // the query texts, read once
        await ScalarAsync<int>("""
            CREATE FUNCTION tg_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
                IF NEW.GrainIdExtensionString LIKE '%full%' THEN
                    RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER TR_test_disk_full AFTER INSERT ON OrleansStorage FOR EACH ROW EXECUTE FUNCTION tg_test_disk_full();
            SELECT 1
            """);
        var before = await TransactionIdAsync();

        var ids = Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? $"full-{i}" : $"fits-{i}").ToList();
        var outcomes = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                await WriteJobAsync(id, $"name-{id}");
                return null;
            }
            catch (PostgresException e)
            {
                return e.SqlState;
            }
        }));

        Assert.All(ids.Zip(outcomes), o => Assert.Equal(o.First.StartsWith("full", StringComparison.Ordinal) ? PostgresErrorCodes.DiskFull : null, o.Second));
        foreach (var id in ids.Where(id => id.StartsWith("fits", StringComparison.Ordinal)))
        {
            Assert.Equal($"name-{id}", (await ReadAsync<ProbeJob>("job", $"d/c/{id}")).State!.Name);
        }
        var attempts = await TransactionIdAsync() - before - 1;
        Assert.InRange(attempts, 50, 60);   // each write once, and the batches it came in: not halves down to each refusal
    }

    [Fact]
    public async Task StateWrite_WithAStaleEtag_IsAVersionConflict()
    {
        await WriteAsync("v", new Probe(1));
        var stale = new GrainState<Probe>(new Probe(2)) { ETag = "7" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("probe", GrainId.Create("probe", "v"), stale));
        Assert.Equal(1, (await ReadAsync<Probe>("probe", "v")).State!.N);
    }

    private Task WriteAsync(string key, Probe state) => _storage.WriteStateAsync("probe", GrainId.Create("probe", key), new GrainState<Probe>(state));

    private Task WriteJobAsync(string id, string name) =>
        _storage.WriteStateAsync("job", GrainId.Create("job", $"d/c/{id}"), new GrainState<ProbeJob>(new ProbeJob("scheduled", true, "r", name, 1000)));

    private static Task WriteJobAsync(PostgresGrainStorage storage, string id, string status, string? version = null) =>
        storage.WriteStateAsync("job", GrainId.Create("job", $"d/c/{id}"), new GrainState<ProbeJob>(new ProbeJob(status, true, "r", id, 1000)) { ETag = version });

    private async Task<Dictionary<string, long>> CountsAsync()
    {
        await using var connection = await _dialect.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, SUM(n)::bigint FROM tg_job_counts WHERE collection = 'c' GROUP BY status HAVING SUM(n) <> 0";
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    private Task<long> StripesAsync() => ScalarAsync<long>("SELECT COUNT(DISTINCT stripe) FROM tg_job_counts WHERE collection = 'c'");

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await _dialect.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private PostgresGrainStorage StorageOver(PostgresStorage dialect) =>
        new(Queries(dialect), new PostgresStoredWrites(dialect, new QueryTexts(dialect), Cluster), _serialization.GetRequiredService<IActivatorProvider>());

    private static StoredQueries Queries(PostgresStorage dialect) => new(dialect, new QueryTexts(dialect), Cluster);

    private static IOptions<ClusterOptions> Cluster => Options.Create(new ClusterOptions { ServiceId = "svc" });

    private async Task<GrainState<T>> ReadAsync<T>(string stateName, string key)
    {
        var state = new GrainState<T>();
        await _storage.ReadStateAsync(stateName, GrainId.Create(stateName, key), state);
        return state;
    }

    /// <summary>Assigns the next transaction id: the difference of two is the write transactions committed (or not) in between, plus one.</summary>
    private async Task<long> TransactionIdAsync() => long.Parse((await ScalarAsync<string>("SELECT pg_current_xact_id()::text"))!);

    public async Task DisposeAsync()
    {
        _dialect.Dispose();
        await _serialization.DisposeAsync();
        await _server.StopAsync();
    }

    public sealed record Probe(int N)
    {
        public Probe() : this(0)
        {
        }
    }

    /// <summary>The fields of a job's state the listing trigger reads.</summary>
    public sealed record ProbeJob(string Status, bool Enabled, string Route, string Name, long DueAt)
    {
        public ProbeJob() : this("", false, "", "", 0)
        {
        }
    }
}
