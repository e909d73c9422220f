using TimerGrid.Grains.Interfaces.Callbacks;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Callbacks;

/// <summary>GRAIN routes in a heterogeneous cluster: TimerGrid's silo calls a grain class only the game silos have.</summary>
public sealed class GrainRouteTests(CallbackClusterFixture cluster) : IClassFixture<CallbackClusterFixture>
{
    private readonly CallbackInbox _inbox = cluster.Inbox;

    [Fact]
    public async Task Fire_GrainRoute_CallsTheCallbackOnAGameSiloWithTheJobsIdentityAndMeta()
    {
        var client = cluster.Client;
        await client.Routes("cb").CreateGrainAsync<IRecordingCallback>("end-match", "{db}-{collection}-{id}");
        var at = DateTimeOffset.UtcNow.AddMilliseconds(500);
        var atMs = at.ToUnixTimeMilliseconds();

        await client.Jobs("cb", "matches").ScheduleAsync("m1", at, new { Match = 1, Mode = "ranked" }, "end-match");

        var call = Assert.Single(await _inbox.WaitForAsync("cb/matches/m1"));
        Assert.Equal(new TimerFired
        {
            Job = new JobKey("cb", "matches", "m1"),
            ScheduledTime = atMs,
            Attempt = 1,
            IdempotencyKey = $"cb/matches/m1@{atMs}",
            Meta = """{"match":1,"mode":"ranked"}""",
            Route = "end-match",
        }, call.Fired);
        Assert.Equal("cb-matches-m1", call.GrainKey);
        Assert.DoesNotContain(cluster.TimerGridSilo, cluster.CallbackHosts);
        Assert.Contains(call.Silo, cluster.CallbackHosts);
        Assert.True(call.ReceivedAtMs >= atMs, $"called {atMs - call.ReceivedAtMs} ms early");
        var job = await cluster.WaitForStatusAsync(client.Jobs("cb", "matches"), "m1", JobStatus.Delivered);
        Assert.Equal(1, job.Attempts);
    }

    [Fact]
    public async Task Fire_CallbackThrows_RetriedWithTheSameKeyThenDeadLettered()
    {
        var client = cluster.Client;
        await client.Routes("cbthrow").CreateGrainAsync<IRecordingCallback>("r", "{id}");
        _inbox.Script("cbthrow/c/j", _ => Task.FromException(new InvalidOperationException("match server busy")));

        await client.Jobs("cbthrow", "c").ScheduleAsync("j", DateTimeOffset.UtcNow, meta: null, "r");

        var job = await cluster.WaitForStatusAsync(client.Jobs("cbthrow", "c"), "j", JobStatus.Failed);
        Assert.Equal(CallbackClusterFixture.MaxAttempts, job.Attempts);
        Assert.Contains("InvalidOperationException: match server busy", job.LastError);
        var calls = _inbox.For("cbthrow/c/j");
        Assert.Equal(Enumerable.Range(1, CallbackClusterFixture.MaxAttempts), calls.Select(c => c.Fired.Attempt));
        Assert.Single(calls.Select(c => c.Fired.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task Fire_CallbackSlowerThanTheAttemptTimeout_IsRetriedAndDeliveredOnTheNextAttempt()
    {
        var client = cluster.Client;
        await client.Routes("cbslow").CreateGrainAsync<IRecordingCallback>("r", "{id}");
        _inbox.Script("cbslow/c/j", fired => fired.Attempt == 1 ? Task.Delay(TimeSpan.FromSeconds(5)) : Task.CompletedTask);   // the fixture's timeout is 3 s

        await client.Jobs("cbslow", "c").ScheduleAsync("j", DateTimeOffset.UtcNow, meta: null, "r");

        var job = await cluster.WaitForStatusAsync(client.Jobs("cbslow", "c"), "j", JobStatus.Delivered);
        Assert.Equal(2, job.Attempts);
        // The retry waits for the slow call to end (a grain takes one call at a time): both reached it, with one key.
        var calls = await _inbox.WaitForAsync("cbslow/c/j", count: 2);
        Assert.Equal([1, 2], calls.Select(c => c.Fired.Attempt));
        Assert.Single(calls.Select(c => c.Fired.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task Fire_CallbackSiloDiesMidDelivery_FiringArrivesOnTheOtherGameSilo()
    {
        var client = cluster.Client;
        await client.Routes("cbdie").CreateGrainAsync<IRecordingCallback>("r", "{id}");
        _inbox.Script("cbdie/c/j", fired => fired.Attempt == 1 ? new TaskCompletionSource().Task : Task.CompletedTask);   // the first never answers
        await client.Jobs("cbdie", "c").ScheduleAsync("j", DateTimeOffset.UtcNow, new { Match = 7 }, "r");
        var first = (await _inbox.WaitForAsync("cbdie/c/j"))[0];

        await cluster.Cluster.KillSiloAsync(cluster.Cluster.Silos.Single(s => s.SiloAddress.Equals(first.Silo)));

        try
        {
            var delivered = (await _inbox.WaitForAsync("cbdie/c/j", count: 2, timeout: TimeSpan.FromSeconds(60)))[^1];
            Assert.NotEqual(first.Silo, delivered.Silo);
            Assert.True(delivered.Fired.Attempt >= 2);
            Assert.Equal(first.Fired with { Attempt = delivered.Fired.Attempt }, delivered.Fired);
            await cluster.WaitForStatusAsync(client.Jobs("cbdie", "c"), "j", JobStatus.Delivered);
        }
        finally
        {
            await cluster.Cluster.StartAdditionalSiloAsync();   // back to two game silos for the other tests
        }
    }

    [Fact]
    public async Task Fire_NoSiloImplementsTheInterface_DeadLettersWithAClearLastError()
    {
        var client = cluster.Client;
        await client.Routes("cbnone").CreateGrainAsync("r", "tests.INobodyHome", "{id}");

        await client.Jobs("cbnone", "c").ScheduleAsync("j", DateTimeOffset.UtcNow, meta: null, "r");

        var job = await cluster.WaitForStatusAsync(client.Jobs("cbnone", "c"), "j", JobStatus.Failed);
        Assert.Equal(CallbackClusterFixture.MaxAttempts, job.Attempts);
        Assert.StartsWith("no silo of the cluster hosts a grain implementing 'tests.INobodyHome'", job.LastError);
    }

    [Fact]
    public async Task Fire_InterfaceOfAGrainThatIsNoCallback_FailsAtOnceNamingITimerCallback()
    {
        var client = cluster.Client;
        await client.Routes("cbwrong").CreateGrainAsync("r", "tg.IRouteGrain", "{id}");

        await client.Jobs("cbwrong", "c").ScheduleAsync("j", DateTimeOffset.UtcNow, meta: null, "r");

        var job = await cluster.WaitForStatusAsync(client.Jobs("cbwrong", "c"), "j", JobStatus.Failed);
        Assert.Equal(1, job.Attempts);
        Assert.Contains("does not implement tg.ITimerCallback", job.LastError);
    }
}
