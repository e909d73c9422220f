using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Jobs;

// Firing on demand and the enabled flag: pause, resume, run now, replay of a dead letter.
internal sealed partial class JobGrain
{
    /// <summary>How long run now and replay wait for the new execution's record before answering with its id.</summary>
    private static readonly TimeSpan ExecutionReadableWithin = TimeSpan.FromSeconds(2);

    public Task<bool> PauseAsync() => SetEnabledAsync(false, AuditEvent.Paused);

    public Task<bool> ResumeAsync() => SetEnabledAsync(true, AuditEvent.Resumed);

    public async Task<string?> RunNowAsync()
    {
        if (!job.RecordExists)
        {
            return null;
        }
        var now = Now();
        _scheduledBy = JobTracing.Caller;
        var run = new FiringState { ScheduledTime = now, ExecutionId = ExecutionIds.New(), NextAttemptAt = now };
        job.State.Extra.Add(run);
        await SaveStateAsync();   // durable before we acknowledge: a crash now still runs it
        await RegisterReminderAsync();
        RecordExecution(run.ExecutionId, run.ScheduledTime, firedAt: null, attempt: 0, ExecutionState.Scheduled);
        Audit(AuditEvent.CustomRun, run.ExecutionId);
        await ReconcileAsync();
        await records.WaitCommittedAsync(ExecutionReadableWithin);   // the client reads the execution by the id it gets
        return run.ExecutionId;
    }

    public async Task<string?> ReplayAsync()
    {
        if (!job.RecordExists)
        {
            return null;
        }
        var state = job.State;
        if (state.Status != JobStatus.Failed)
        {
            throw new TimerGridException(ErrorCodes.JobNotFailed, $"job '{_key.Id}' is {state.Status.ToString().ToLowerInvariant()}, not failed: only a failed job can be replayed");
        }
        var executionId = ExecutionIds.New();
        state.MoveTo(state.TriggerTime);   // the same occurrence, so the same webhook-id; attempts from 1
        state.ExecutionId = executionId;
        state.UpdatedAt = Now();
        _scheduledBy = JobTracing.Caller;
        await SaveAndArmAsync();   // durable before we acknowledge: a crash now still delivers it
        RecordExecution(executionId, state.TriggerTime, firedAt: null, attempt: 0, ExecutionState.Scheduled);
        Audit(AuditEvent.Replayed, executionId);
        await records.WaitCommittedAsync(ExecutionReadableWithin);
        return executionId;
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
            _scheduledBy = JobTracing.Caller;
            await SaveAndArmAsync();
            instruments.JobUpdated();
        }
        else
        {
            await ReconcileAsync();
        }
        Audit(auditEvent, enabled ? "resumed" : "paused");
        return true;
    }
}
