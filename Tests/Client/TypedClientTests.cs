using System.Text.Json;
using TimerGrid.Grains.Interfaces.Client;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Client;

/// <summary>The typed client as an Orleans client of the cluster uses it: meta, rescheduling, cancelling.</summary>
[Collection(SiloCollection.Name)]
public sealed class TypedClientTests(SiloFixture silo) : IAsyncLifetime
{
    private static readonly DateTimeOffset Future = DateTimeOffset.FromUnixTimeMilliseconds(4_000_000_000_000);
    private readonly TimerGridClient _client = ActivatorUtilities.CreateInstance<TimerGridClient>(silo.Cluster.Client.ServiceProvider);

    [Fact]
    public async Task Schedule_JsonElementMeta_IsKeptVerbatimAndNoMetaIsAnEmptyObject()
    {
        var jobs = _client.Jobs("typed", "meta");
        const string written = """{ "b": 2,  "a": [1, 2] }""";

        await jobs.ScheduleAsync("verbatim", Future, JsonDocument.Parse(written).RootElement, "r");
        await jobs.ScheduleAsync("none", Future, meta: null, "r");

        Assert.Equal(written, (await jobs.GetAsync("verbatim"))!.Spec.Meta);
        Assert.Equal("{}", (await jobs.GetAsync("none"))!.Spec.Meta);
    }

    [Fact]
    public async Task Schedule_MetaThatIsNoJson_IsRefusedWithE001()
    {
        var error = await Assert.ThrowsAsync<TimerGridException>(() => _client.Jobs("typed", "meta").ScheduleAsync("type", Future, typeof(string), "r"));
        var raw = await Assert.ThrowsAsync<TimerGridException>(() => silo.Grains.GetGrain<IJobGrain>("typed/meta/raw").CreateAsync(new JobSpec(Future.ToUnixTimeMilliseconds(), "{not json", "r")));

        Assert.Equal(ErrorCodes.MalformedBody, error.Error);
        Assert.Equal(ErrorCodes.MalformedBody, raw.Error);
        Assert.Null(await _client.Jobs("typed", "meta").GetAsync("raw"));
    }

    [Fact]
    public async Task Schedule_Repeated_IsAlreadyExists_ThenRescheduleAndCancel()
    {
        var jobs = _client.Jobs("typed", "life");
        Assert.Equal(CreateOutcome.Created, await jobs.ScheduleAsync("j", Future, new { Level = 3 }, "r"));
        Assert.Equal(CreateOutcome.AlreadyExists, await jobs.ScheduleAsync("j", Future, new { Level = 3 }, "r"));

        await jobs.RescheduleAsync("j", Future.AddMinutes(1));

        var job = await jobs.GetAsync("j");
        Assert.Equal(Future.AddMinutes(1).ToUnixTimeMilliseconds(), job!.Spec.TriggerTime);
        Assert.Equal("""{"level":3}""", job.Spec.Meta);
        Assert.Equal(DeleteOutcome.Deleted, await jobs.CancelAsync("j"));
        Assert.Equal(DeleteOutcome.NotFound, await jobs.CancelAsync("j"));
        Assert.Null(await jobs.GetAsync("j"));
    }

    [Fact]
    public async Task ScheduleMany_MixedJobs_OneResultEachInOrderWithTheCodesOfScheduleAsync()
    {
        var jobs = _client.Jobs("typed", "many");
        var at = Future.ToUnixTimeMilliseconds();
        NewJob[] batch =
        [
            new("a", new JobSpec(at, "{}", "r")),
            new("a/b", new JobSpec(at, "{}", "r")),
            new("nowhere", new JobSpec(at, "{}", "missing")),
            new("hourly", new JobSpec(null, "{}", "r") { Schedule = new JobSchedule { IntervalSeconds = 3600 } }),
            new("a", new JobSpec(at + 1, "{}", "r")),
        ];

        var first = await jobs.ScheduleManyAsync(batch);
        var again = await jobs.ScheduleManyAsync(batch);

        Assert.Equal(["a", "a/b", "nowhere", "hourly", "a"], first.Select(r => r.Id));
        Assert.Equal([CreateOutcome.Created, null, null, CreateOutcome.Created, null], first.Select(r => r.Outcome));
        Assert.Equal([null, "E002", "E010", null, "E006"], first.Select(r => r.Error?.Code));
        Assert.Equal([true, false, false, true, false], again.Select(r => r.IsOk));
        Assert.Equal(CreateOutcome.AlreadyExists, again[0].Outcome);
        Assert.Equal(at, (await jobs.GetAsync("a"))!.Spec.TriggerTime);
        var empty = await Assert.ThrowsAsync<TimerGridException>(() => jobs.ScheduleManyAsync([]));
        Assert.Equal(ErrorCodes.InvalidBatch, empty.Error);
    }

    public async Task InitializeAsync() => await _client.Routes("typed").CreateWebhookAsync("r", silo.Receiver.UrlFor("typed"));

    public Task DisposeAsync() => Task.CompletedTask;
}
