using Microsoft.Extensions.Options;
using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Interfaces.Validation;
using TimerGrid.Grains.Records;
using TimerGrid.Grains.Triggers;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// One job. Its persisted state is the truth; its reminder is only a durable wake-up call, and a grain
/// timer armed on waking gives millisecond precision (see JobGrain.Firing.cs). Every change a client
/// makes is audited (JobGrain.Records.cs).
/// </summary>
[GrainType("job")]
internal sealed partial class JobGrain(
    [PersistentState(StateNames.Job, StorageNames.Default)] IPersistentState<JobState> job,
    IOptions<TimerGridOptions> options,
    IOptions<FiringOptions> firing,
    WebhookDelivery delivery,
    RetryPolicy retries,
    RecordWriter records,
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
        Validate(spec);
        if (job.RecordExists)
        {
            return SameRequest(job.State.Spec, spec) ? CreateOutcome.AlreadyExists : CreateOutcome.Conflict;
        }
        await RequireRouteAsync(spec);
        var now = Now();
        _hasReminder ??= false;   // a new job; a reminder left by a deleted one removes itself on its next tick
        await ScheduleAsync(JobState.Start(spec, createdAt: now, now, spec.Enabled ?? true, extra: []));
        Audit(AuditEvent.Added, Describe(spec));
        return CreateOutcome.Created;
    }

    public async Task<bool> ReplaceAsync(JobSpec spec)
    {
        Validate(spec);
        if (!job.RecordExists)
        {
            return false;
        }
        await RequireRouteAsync(spec);
        var current = job.State;
        var before = current.Spec;
        await ScheduleAsync(JobState.Start(spec, current.CreatedAt, Now(), spec.Enabled ?? current.Enabled, current.Extra));
        Audit(AuditEvent.Modified, DescribeChange(before, spec));
        return true;
    }

    public Task<JobView?> GetAsync() => Task.FromResult(job.RecordExists ? job.State.ToView(_key) : null);

    public async Task<bool> DeleteAsync()
    {
        if (!job.RecordExists)
        {
            return false;
        }
        var name = job.State.Name;
        DisarmTimer();
        await job.ClearStateAsync();   // the truth first: a reminder left behind finds no job and removes itself
        Audit(AuditEvent.Deleted, "deleted", name);
        await ForgetReminderAsync();
        this.DeactivateOnIdle();
        return true;
    }

    public Task<bool> PauseAsync() => SetEnabledAsync(false, AuditEvent.Paused);

    public Task<bool> ResumeAsync() => SetEnabledAsync(true, AuditEvent.Resumed);

    public async Task<string?> RunNowAsync()
    {
        if (!job.RecordExists)
        {
            return null;
        }
        var now = Now();
        var run = new FiringState { ScheduledTime = now, ExecutionId = ExecutionIds.New(), NextAttemptAt = now };
        job.State.Extra.Add(run);
        await job.WriteStateAsync();   // durable before we acknowledge: a crash now still runs it
        await RegisterReminderAsync();
        RecordExecution(run.ExecutionId, run.ScheduledTime, firedAt: null, attempt: 0, ExecutionState.Scheduled);
        Audit(AuditEvent.CustomRun, run.ExecutionId);
        await ReconcileAsync();
        return run.ExecutionId;
    }

    public Task WakeAsync() => ReconcileAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _hasReminder = true;
        return ReconcileAsync();
    }

    private async Task<bool> SetEnabledAsync(bool enabled, AuditEvent auditEvent)
    {
        if (!job.RecordExists)
        {
            return false;
        }
        if (job.State.Enabled != enabled)
        {
            job.State.Enabled = enabled;
            job.State.UpdatedAt = Now();
            await job.WriteStateAsync();
            await RegisterReminderAsync();
        }
        Audit(auditEvent, enabled ? "resumed" : "paused");
        await ReconcileAsync();
        return true;
    }

    private async Task ScheduleAsync(JobState state)
    {
        job.State = state;
        await job.WriteStateAsync();   // durable before we acknowledge
        await RegisterReminderAsync();
        await ReconcileAsync();
    }

    private void Validate(JobSpec spec)
    {
        JobSpecRules.Validate(_key, spec, options.Value.MaxMetaBytes);
        if (spec.Schedule is { } schedule)
        {
            TriggerFactory.Validate(schedule, Now());
        }
        if (spec.CatchUpWindowMs is { } window && window > firing.Value.MaxCatchUpWindow.TotalMilliseconds)
        {
            throw new TimerGridException(ErrorCodes.InvalidTrigger,
                $"catch_up_window_ms may be at most {(long)firing.Value.MaxCatchUpWindow.TotalMilliseconds}");
        }
    }

    /// <summary>A client retrying its create sends the same spec; the enabled flag may have changed since.</summary>
    private static bool SameRequest(JobSpec stored, JobSpec requested) => stored == requested with { Enabled = null };

    private async Task RequireRouteAsync(JobSpec spec)
    {
        if (!spec.AllowMissingRoute && await RouteOf(spec.Route).GetAsync() is null)
        {
            throw new TimerGridException(ErrorCodes.UnknownRoute, $"route '{spec.Route}' does not exist in db '{_key.Db}'");
        }
    }

    private IRouteGrain RouteOf(string routeId) => GrainFactory.GetGrain<IRouteGrain>(new RouteKey(_key.Db, routeId).ToString());

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
