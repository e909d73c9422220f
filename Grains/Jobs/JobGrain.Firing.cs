using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Jobs;

internal sealed partial class JobGrain
{
    private const string ReminderName = "fire";

    private IGrainReminder? _reminder;
    private IGrainTimer? _timer;
    private long? _timerDueAt;

    /// <summary>
    /// Runs on every wake-up (reminder tick, catch-up, schedule change): not due soon → sleep,
    /// due soon → arm the exact timer, finished or gone → drop the reminder.
    /// </summary>
    private async Task ReconcileAsync()
    {
        if (!job.RecordExists || job.State.Status != JobStatus.Scheduled)
        {
            DisarmTimer();
            await ForgetReminderAsync();
            this.DeactivateOnIdle();
            return;
        }
        var dueAt = job.State.DueAt;
        var wait = TimeSpan.FromMilliseconds(Math.Max(0, dueAt - Now()));
        if (wait > firing.Value.WakeLead + firing.Value.ReminderPeriod)
        {
            // The reminder wakes us WakeLead before the time; holding the activation until then wastes memory.
            DisarmTimer();
            this.DeactivateOnIdle();
            return;
        }
        if (_timerDueAt != dueAt)
        {
            ArmTimer(dueAt, wait);
        }
    }

    private void ArmTimer(long dueAt, TimeSpan wait)
    {
        DisarmTimer();
        _timerDueAt = dueAt;
        _timer = this.RegisterGrainTimer(FireAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private void DisarmTimer()
    {
        _timer?.Dispose();
        _timer = null;
        _timerDueAt = null;
    }

    private async Task FireAsync(CancellationToken cancellationToken)
    {
        DisarmTimer();
        if (!job.RecordExists || job.State.Status != JobStatus.Scheduled)
        {
            return;
        }
        var startedAt = Now();
        var state = job.State;
        if (startedAt < state.DueAt)
        {
            ArmTimer(state.DueAt, TimeSpan.FromMilliseconds(state.DueAt - startedAt));   // never early
            return;
        }
        var attempt = state.Attempts + 1;
        var result = await AttemptAsync(state, attempt);
        var now = Now();
        state.Attempts = attempt;
        state.FiredAt ??= startedAt;
        state.LastError = result.Error;
        state.NextAttemptAt = null;
        if (result.Delivered)
        {
            state.Status = JobStatus.Delivered;
            state.DeliveredAt = now;
            LogDelivered(_key.ToString(), attempt, startedAt - state.TriggerTime);
        }
        else if (!result.Retryable || attempt >= retries.MaxAttempts)
        {
            state.Status = JobStatus.Failed;
            LogFailed(_key.ToString(), attempt, result.Error);
        }
        else
        {
            state.NextAttemptAt = now + (long)retries.DelayAfter(attempt, result.RetryAfter).TotalMilliseconds;
        }
        await job.WriteStateAsync();
        await ReconcileAsync();
    }

    private async Task<DeliveryResult> AttemptAsync(JobState state, int attempt)
    {
        var route = await RouteOf(state.Route).GetAsync();
        if (route is null)
        {
            return DeliveryResult.GiveUp($"route '{state.Route}' no longer exists in db '{_key.Db}'");
        }
        return await delivery.SendAsync(WebhookMessage.Create(_key, state.Spec, route, attempt));
    }

    private async Task RegisterReminderAsync()
    {
        var wake = TimeSpan.FromMilliseconds(Math.Max(0, job.State.DueAt - Now())) - firing.Value.WakeLead;
        _reminder = await this.RegisterOrUpdateReminder(ReminderName, wake > TimeSpan.Zero ? wake : TimeSpan.Zero, firing.Value.ReminderPeriod);
    }

    private async Task ForgetReminderAsync()
    {
        try
        {
            if ((_reminder ?? await this.GetReminder(ReminderName)) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
            _reminder = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Harmless: the next tick finds the job finished and tries again.
            LogReminderCleanupFailed(_key.ToString(), e.Message);
        }
    }
}
