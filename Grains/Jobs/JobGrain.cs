using Microsoft.Extensions.Options;
using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// One job. Its persisted state is the truth; its reminder is only a durable wake-up call, and a grain
/// timer armed on waking gives millisecond precision (see JobGrain.Firing.cs).
/// </summary>
[GrainType("job")]
internal sealed partial class JobGrain(
    [PersistentState(StateNames.Job, StorageNames.Default)] IPersistentState<JobState> job,
    IOptions<TimerGridOptions> options,
    IOptions<FiringOptions> firing,
    WebhookDelivery delivery,
    RetryPolicy retries,
    TimeProvider clock,
    ILogger<JobGrain> logger) : Grain, IJobGrain, IRemindable
{
    private JobKey _key;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = JobKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<CreateOutcome> CreateAsync(JobSpec spec)
    {
        JobSpecRules.Validate(_key, spec, options.Value.MaxMetaBytes);
        if (job.RecordExists)
        {
            return job.State.Spec == spec ? CreateOutcome.AlreadyExists : CreateOutcome.Conflict;
        }
        await RequireRouteAsync(spec.Route);
        var now = Now();
        await ScheduleAsync(JobState.Schedule(spec, createdAt: now, now));
        return CreateOutcome.Created;
    }

    public async Task<bool> ReplaceAsync(JobSpec spec)
    {
        JobSpecRules.Validate(_key, spec, options.Value.MaxMetaBytes);
        if (!job.RecordExists)
        {
            return false;
        }
        await RequireRouteAsync(spec.Route);
        await ScheduleAsync(JobState.Schedule(spec, createdAt: job.State.CreatedAt, Now()));
        return true;
    }

    public Task<JobView?> GetAsync() => Task.FromResult(job.RecordExists ? job.State.ToView(_key) : null);

    public async Task<bool> DeleteAsync()
    {
        if (!job.RecordExists)
        {
            return false;
        }
        DisarmTimer();
        await job.ClearStateAsync();   // the truth first: a reminder left behind finds no job and removes itself
        await ForgetReminderAsync();
        this.DeactivateOnIdle();
        return true;
    }

    public Task<bool> PauseAsync() => throw new NotImplementedException();

    public Task<bool> ResumeAsync() => throw new NotImplementedException();

    public Task<string?> RunNowAsync() => throw new NotImplementedException();

    public Task WakeAsync() => ReconcileAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => ReconcileAsync();

    private async Task ScheduleAsync(JobState state)
    {
        job.State = state;
        await job.WriteStateAsync();   // durable before we acknowledge
        await RegisterReminderAsync();
        await ReconcileAsync();
    }

    private async Task RequireRouteAsync(string routeId)
    {
        if (await RouteOf(routeId).GetAsync() is null)
        {
            throw new TimerGridException(ErrorCodes.UnknownRoute, $"route '{routeId}' does not exist in db '{_key.Db}'");
        }
    }

    private IRouteGrain RouteOf(string routeId) => GrainFactory.GetGrain<IRouteGrain>(new RouteKey(_key.Db, routeId).ToString());

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
