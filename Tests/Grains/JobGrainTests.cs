using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Grains;

/// <summary>The job grain as in-cluster .NET clients call it: no gateway in front.</summary>
[Collection(SiloCollection.Name)]
public sealed class JobGrainTests(SiloFixture silo)
{
    private const long FarFuture = 4_000_000_000_000;

    [Fact]
    public async Task Create_ThenGet_ReturnsTheSpecScheduled()
    {
        await RouteAsync("g1");
        var spec = new JobSpec(FarFuture, """{"a":[1,2]}""", "r");

        var outcome = await Job("g1/c/j").CreateAsync(spec);

        Assert.Equal(CreateOutcome.Created, outcome);
        var job = await Job("g1/c/j").GetAsync();
        Assert.NotNull(job);
        Assert.Equal(spec, job.Spec);
        Assert.Equal(JobStatus.Scheduled, job.Status);
        Assert.Equal(new JobKey("g1", "c", "j"), job.Key);
    }

    [Fact]
    public async Task Create_Repeated_IsAlreadyExistsForTheSameSpecAndConflictOtherwise()
    {
        await RouteAsync("g2");
        var spec = new JobSpec(FarFuture, "{}", "r");
        await Job("g2/c/j").CreateAsync(spec);

        Assert.Equal(CreateOutcome.AlreadyExists, await Job("g2/c/j").CreateAsync(spec));
        Assert.Equal(CreateOutcome.Conflict, await Job("g2/c/j").CreateAsync(spec with { TriggerTime = FarFuture + 1 }));
        Assert.Equal(FarFuture, (await Job("g2/c/j").GetAsync())!.Spec.TriggerTime);
    }

    [Theory]
    [InlineData("g3/c/bad id", "E002")]
    [InlineData("g3/c/..", "E002")]
    [InlineData("g3/c/" + "x", "E010")]
    public async Task Create_BrokenRule_ThrowsWithItsCodeAndStoresNothing(string key, string code)
    {
        var error = await Assert.ThrowsAsync<TimerGridException>(() => Job(key).CreateAsync(new JobSpec(FarFuture, "{}", "no-such-route")));

        Assert.Equal(code, error.Error.Code);
        Assert.Null(await Job(key).GetAsync());
    }

    [Fact]
    public async Task Create_TriggerTimeInSeconds_IsRefused()
    {
        await RouteAsync("g4");

        var error = await Assert.ThrowsAsync<TimerGridException>(() => Job("g4/c/j").CreateAsync(new JobSpec(1_667_659_342, "{}", "r")));

        Assert.Equal(ErrorCodes.InvalidTriggerTime, error.Error);
    }

    [Fact]
    public async Task ReplaceAndDelete_UnknownJob_ReturnFalse()
    {
        await RouteAsync("g5");

        Assert.False(await Job("g5/c/none").ReplaceAsync(new JobSpec(FarFuture, "{}", "r")));
        Assert.Equal(DeleteOutcome.NotFound, await Job("g5/c/none").DeleteAsync());
    }

    [Fact]
    public async Task PatchAndReplay_UnknownJob_ReturnFalseAndNull()
    {
        Assert.False(await Job("g10/c/none").PatchAsync(new JobPatch { Name = "x" }));
        Assert.Null(await Job("g10/c/none").ReplayAsync());
    }

    [Fact]
    public async Task Replay_ScheduledJob_ThrowsJobNotFailedAndChangesNothing()
    {
        await RouteAsync("g11");
        await Job("g11/c/j").CreateAsync(new JobSpec(FarFuture, "{}", "r"));
        var before = await Job("g11/c/j").GetAsync();

        var error = await Assert.ThrowsAsync<TimerGridException>(() => Job("g11/c/j").ReplayAsync());

        Assert.Equal(ErrorCodes.JobNotFailed, error.Error);
        Assert.Equal(before, await Job("g11/c/j").GetAsync());
    }

    [Fact]
    public async Task Fire_Delivered_StateSurvivesDeactivationAndTheReminderIsGone()
    {
        await RouteAsync("g6", silo.Receiver.UrlFor("grain"));

        await Job("g6/c/j").CreateAsync(new JobSpec(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 300, """{"x":1}""", "r"));

        await silo.Receiver.WaitForAsync("g6/c/j");
        var delivered = await WaitForStatusAsync("g6/c/j", JobStatus.Delivered);
        await silo.Cluster.DeactivateAsync(Job("g6/c/j"));
        Assert.Equal(delivered, await Job("g6/c/j").GetAsync());
        await WaitUntilAsync(async () => (await ReminderRowsAsync("job/g6/c/j")) == 0);
    }

    [Fact]
    public async Task Create_DueWithinAMinute_WritesNoReminderYetFiresAfterItsActivationIsLost()
    {
        await RouteAsync("g9", silo.Receiver.UrlFor("g9"));
        var trigger = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 2000;

        await Job("g9/c/j").CreateAsync(new JobSpec(trigger, "{}", "r"));
        Assert.Equal(0, await ReminderRowsAsync("job/g9/c/j"));
        await silo.Cluster.DeactivateAsync(Job("g9/c/j"));   // its exact timer dies with the activation, as on a crash

        var webhook = (await silo.Receiver.WaitForAsync("g9/c/j")).Single();   // the overdue sweep finds it in its state row
        Assert.Equal(trigger.ToString(), webhook.Header("TimerGrid-Trigger-Time"));
        Assert.Equal(JobStatus.Delivered, (await WaitForStatusAsync("g9/c/j", JobStatus.Delivered)).Status);
    }

    [Fact]
    public async Task Delete_RemovesStateAndReminder()
    {
        await RouteAsync("g7");
        await Job("g7/c/j").CreateAsync(new JobSpec(FarFuture, "{}", "r"));
        Assert.Equal(1, await ReminderRowsAsync("job/g7/c/j"));

        Assert.Equal(DeleteOutcome.Deleted, await Job("g7/c/j").DeleteAsync());

        Assert.Null(await Job("g7/c/j").GetAsync());
        Assert.Equal(0, await ReminderRowsAsync("job/g7/c/j"));
    }

    [Fact]
    public async Task Create_MonthsAhead_ReminderWakesItJustBeforeItsTime()
    {
        await RouteAsync("g8");
        var trigger = DateTimeOffset.UtcNow.AddDays(120);

        await Job("g8/c/j").CreateAsync(new JobSpec(trigger.ToUnixTimeMilliseconds(), "{}", "r"));

        var start = (string)(await SqliteFile.QueryAsync(silo.DatabasePath,
            "SELECT StartTime FROM OrleansRemindersTable WHERE GrainId = 'job/g8/c/j'"))[0][0]!;
        var wakeUp = DateTime.SpecifyKind(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
        Assert.InRange(trigger.UtcDateTime - wakeUp, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6));   // WakeLead = 5 s
    }

    private IJobGrain Job(string key) => silo.Grains.GetGrain<IJobGrain>(key);

    private Task RouteAsync(string db, string url = "http://127.0.0.1:9/unused") =>
        silo.Grains.GetGrain<IRouteGrain>($"{db}/r").CreateAsync(new RouteSpec(RouteType.Rest, url, null, PayloadStyle.Meta));

    private async Task<long> ReminderRowsAsync(string grainId) =>
        (long)(await SqliteFile.QueryAsync(silo.DatabasePath, "SELECT COUNT(*) FROM OrleansRemindersTable WHERE GrainId = @g", ("@g", grainId)))[0][0]!;

    private async Task<JobView> WaitForStatusAsync(string key, JobStatus status)
    {
        JobView? job = null;
        await WaitUntilAsync(async () => (job = await Job(key).GetAsync())?.Status == status);
        return job!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in 30 s");
            await Task.Delay(100);
        }
    }
}
