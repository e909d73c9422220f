namespace TimerGrid.Grains.Jobs;

/// <summary>
/// A firing's outcome that storage refused (a full disk, the database away). Left alone, the job's row would still say
/// "due": the overdue sweep would wake the job, the activation would let itself go, the next one would read the row and
/// deliver again, every sweep until the write succeeds. Instead the outcome stays in this activation, which keeps itself
/// alive, fires nothing and writes again with backoff; any successful write of the job ends the hold. Only the node's
/// death before the write succeeds can deliver such a job again.
/// </summary>
internal sealed partial class JobGrain
{
    private static readonly TimeSpan FirstSaveRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxSaveRetry = TimeSpan.FromSeconds(30);

    private IGrainTimer? _saveRetry;
    private TimeSpan _saveRetryDelay;

    private bool HoldingUnsavedOutcome => _saveRetry is not null;

    /// <summary>Writes a firing's outcome; false when storage refused it and it is held for a later write.</summary>
    private async Task<bool> TrySaveOutcomeAsync()
    {
        try
        {
            await job.WriteStateAsync();
            return true;
        }
        catch (Exception e)
        {
            HoldUnsavedOutcome(e);
            return false;
        }
    }

    /// <summary>Writes the state for a client; its success also writes any outcome held unsaved.</summary>
    private async Task SaveStateAsync()
    {
        await job.WriteStateAsync();
        EndUnsavedHold();
    }

    private void HoldUnsavedOutcome(Exception error)
    {
        _saveRetryDelay = HoldingUnsavedOutcome ? TimeSpan.FromTicks(Math.Min(_saveRetryDelay.Ticks * 2, MaxSaveRetry.Ticks)) : FirstSaveRetry;
        LogOutcomeUnsaved(_key.ToString(), (long)_saveRetryDelay.TotalMilliseconds, error.Message);
        _saveRetry?.Dispose();
        _saveRetry = this.RegisterGrainTimer(RetrySaveAsync, new GrainTimerCreationOptions(_saveRetryDelay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task RetrySaveAsync(CancellationToken cancellationToken)
    {
        if (!job.RecordExists)
        {
            EndUnsavedHold();   // deleted meanwhile
            return;
        }
        if (await TrySaveOutcomeAsync())
        {
            EndUnsavedHold();
            LogOutcomeSaved(_key.ToString());
            await RegisterReminderAsync();
            await ReconcileAsync();
        }
    }

    private void EndUnsavedHold()
    {
        _saveRetry?.Dispose();
        _saveRetry = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobKey}: storage refused its firing's outcome; held in memory, not fired again, written again in {DelayMs} ms: {Error}")]
    private partial void LogOutcomeUnsaved(string jobKey, long delayMs, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobKey}: its held outcome is written")]
    private partial void LogOutcomeSaved(string jobKey);
}
