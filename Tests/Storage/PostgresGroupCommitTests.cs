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
        var cluster = Options.Create(new ClusterOptions { ServiceId = "svc" });
        var texts = new QueryTexts(_dialect);
        _serialization = new ServiceCollection().AddSerializer().BuildServiceProvider();
        _storage = new PostgresGrainStorage(new StoredQueries(_dialect, texts, cluster), new PostgresStoredWrites(_dialect, texts, cluster),
            _serialization.GetRequiredService<IActivatorProvider>());
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

    private async Task<GrainState<T>> ReadAsync<T>(string stateName, string key)
    {
        var state = new GrainState<T>();
        await _storage.ReadStateAsync(stateName, GrainId.Create(stateName, key), state);
        return state;
    }

    /// <summary>Assigns the next transaction id: the difference of two is the write transactions committed (or not) in between, plus one.</summary>
    private async Task<long> TransactionIdAsync()
    {
        await using var connection = await _dialect.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_current_xact_id()::text::bigint";
        return (long)(await command.ExecuteScalarAsync())!;
    }

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
