using Microsoft.Extensions.Options;
using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Dispatch;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Interfaces.Validation;
using TimerGrid.Grains.Records;
using TimerGrid.Grains.Telemetry;
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
    RouteDeliveries deliveries,
    RouteGates gates,
    RetryPolicy retries,
    RecordWriter records,
    TimerGridInstruments instruments,
    TimeProvider clock,
    ILogger<JobGrain> logger) : Grain, IJobGrain, IRemindable
{
    private JobKey _key;
    /// <summary>The trace of the last client call that scheduled a firing, to parent its delivery (see <see cref="JobTracing"/>).</summary>
    private System.Diagnostics.ActivityContext _scheduledBy;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = JobKey.Parse(this.GetPrimaryKeyString());
        if (job.RecordExists && job.State.DeletingSince is not null)
        {
            // Queued for deletion during a delivery that a crash cut short: the client was told it goes, so it goes.
            await job.ClearStateAsync();
        }
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
        _scheduledBy = JobTracing.Caller;
        await ScheduleAsync(JobState.Start(spec, createdAt: now, now, spec.Enabled ?? true, extra: []));
        instruments.JobCreated();
        Audit(AuditEvent.Added, JobDescriptions.Of(spec));
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
        var (before, wasEnabled) = (current.Spec, current.Enabled);
        _scheduledBy = JobTracing.Caller;
        await ScheduleAsync(JobState.Start(spec, current.CreatedAt, Now(), spec.Enabled ?? current.Enabled, current.Extra));
        instruments.JobUpdated();
        Audit(AuditEvent.Modified, DescribeChange(before, wasEnabled, spec, job.State.Enabled) ?? "replaced with the same spec: the schedule starts over");
        return true;
    }

    /// <summary>
    /// A patch that changes the trigger (a different trigger_time or schedule) starts a new schedule, as a replace does;
    /// any other patch keeps the schedule, the status and the attempts, so a client that sends back the whole job it read
    /// with one field changed does not fire a delivered job again.
    /// </summary>
    public async Task<bool> PatchAsync(JobPatch patch)
    {
        if (!job.RecordExists)
        {
            return false;
        }
        var current = job.State;
        var (before, wasEnabled) = (current.Spec, current.Enabled);
        var spec = patch.ApplyTo(before);
        var reschedule = spec.TriggerTime != before.TriggerTime || spec.Schedule != before.Schedule;
        Validate(spec, reschedule);
        if (spec.Route != before.Route)
        {
            await RequireRouteAsync(spec);
        }
        var enabled = patch.Enabled ?? current.Enabled;
        _scheduledBy = JobTracing.Caller;
        if (reschedule)
        {
            await ScheduleAsync(JobState.Start(spec, current.CreatedAt, Now(), enabled, current.Extra));
        }
        else
        {
            current.Update(spec, enabled, Now());
            await SaveAndArmAsync();
        }
        instruments.JobUpdated();
        Audit(AuditEvent.Modified, DescribeChange(before, wasEnabled, spec, enabled) ?? "patched: nothing changed");
        return true;
    }

    public Task<JobView?> GetAsync() => Task.FromResult(job.RecordExists ? job.State.ToView(_key) : null);

    /// <summary>During a delivery (see <see cref="MayInterleave"/>) there is nothing to wake: the firing is under way.</summary>
    public Task WakeAsync() => _delivering ? Task.CompletedTask : ReconcileAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _hasReminder = true;
        return _delivering ? Task.CompletedTask : ReconcileAsync();
    }

    private Task ScheduleAsync(JobState state)
    {
        job.State = state;
        return SaveAndArmAsync();
    }

    /// <summary>Writes the state, durable before we acknowledge, then arms whatever wakes the job when it is due.</summary>
    private async Task SaveAndArmAsync()
    {
        await SaveStateAsync();
        await RegisterReminderAsync();
        await ReconcileAsync();
    }

    /// <param name="spec">The job as it would be.</param>
    /// <param name="newSchedule">False when the schedule stays as it is: one that has no occurrence left (a completed job) stays valid.</param>
    private void Validate(JobSpec spec, bool newSchedule = true)
    {
        JobSpecRules.Validate(_key, spec, options.Value.MaxMetaBytes);
        if (newSchedule && spec.Schedule is { } schedule)
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
