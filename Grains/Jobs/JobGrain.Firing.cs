namespace TimerGrid.Grains.Jobs;

internal sealed partial class JobGrain
{
    private const string ReminderName = "fire";

    private IGrainReminder? _reminder;
    /// <summary>Whether this job has a reminder: known once registered, removed or ticked; null (unknown) on a fresh activation.</summary>
    private bool? _hasReminder;
    private IGrainTimer? _timer;
    private long? _timerDueAt;

    /// <summary>
    /// Runs on every wake-up (reminder tick, catch-up, schedule change): not due soon → sleep,
    /// due soon → arm the exact timer, nothing left to fire (finished, paused, gone) → drop the reminder.
    /// </summary>
    private async Task ReconcileAsync()
    {
        if (HoldingUnsavedOutcome)
        {
            return;   // its write retries first: the stored row may still say "due"
        }
        if ((job.RecordExists ? job.State.DueAt : null) is not { } dueAt)
        {
            DisarmTimer();
            await ForgetReminderAsync();
            this.DeactivateOnIdle();
            return;
        }
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

    /// <summary>Fires whatever is due: the current occurrence first, else a run-now or overlapping retry. Never early.</summary>
    private async Task FireAsync(CancellationToken cancellationToken)
    {
        DisarmTimer();
        if (!job.RecordExists || await RemovedIfDeletingAsync())
        {
            return;
        }
        var now = Now();
        if (job.State.OccurrenceDueAt <= now)
        {
            await FireOccurrenceAsync(now);
        }
        else if (job.State.Extra.Find(f => f.NextAttemptAt <= now) is { } extra)
        {
            await FireExtraAsync(extra, now);
        }
        else
        {
            await ReconcileAsync();   // woke early: re-arm for the exact time
            return;
        }
        if (await RemovedIfDeletingAsync())
        {
            return;   // deleted during the delivery: gone instead of retried or fired again
        }
        if (!await TrySaveOutcomeAsync())
        {
            return;   // held (JobGrain.Unsaved.cs): fired again only once it is written
        }
        await RegisterReminderAsync();
        await ReconcileAsync();
    }

    /// <summary>
    /// Makes sure something wakes the job when it is due. A job due after the activation is let go (see
    /// <see cref="ReconcileAsync"/>) gets its reminder moved to WakeLead before that time. A job due sooner keeps its
    /// activation and exact timer and needs no reminder write at all (a job firing every second costs none): if its
    /// silo dies, the overdue sweep (<see cref="OverdueJobsCatchUp"/>) finds it in its state row.
    /// </summary>
    private async Task RegisterReminderAsync()
    {
        if (job.State.DueAt is not { } dueAt || dueAt - Now() <= (firing.Value.WakeLead + firing.Value.ReminderPeriod).TotalMilliseconds)
        {
            return;
        }
        var wake = TimeSpan.FromMilliseconds(dueAt - Now()) - firing.Value.WakeLead;
        _reminder = await this.RegisterOrUpdateReminder(ReminderName, wake, firing.Value.ReminderPeriod);
        _hasReminder = true;
    }

    private async Task ForgetReminderAsync()
    {
        if (_hasReminder == false)
        {
            return;
        }
        try
        {
            if ((_reminder ?? await this.GetReminder(ReminderName)) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
            _reminder = null;
            _hasReminder = false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Harmless: the next tick finds the job finished and tries again.
            LogReminderCleanupFailed(_key.ToString(), e.Message);
        }
    }
}
