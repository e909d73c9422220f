using System.Diagnostics;
using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// One firing attempt, top to bottom: the occurrence (or an overlapping retry) is sent to its route's delivery while a
/// delete may interleave, recorded as it starts and ends, and its outcome decides: delivered, retried after a backoff,
/// or dead-lettered.
/// </summary>
internal sealed partial class JobGrain
{
    private async Task FireOccurrenceAsync(long now)
    {
        var state = job.State;
        if (state.Attempts == 0 && !ApplyMisfirePolicy(now))
        {
            return;
        }
        state.ExecutionId ??= ExecutionIds.New();
        var attempt = state.Attempts + 1;
        var firedAt = state.Attempts == 0 ? now : state.FiredAt ?? now;
        var result = await AttemptAsync(state.ExecutionId, state.TriggerTime, firedAt, attempt);
        if (Deleting)
        {
            return;
        }
        var finishedAt = Now();
        state.Attempts = attempt;
        state.FiredAt = firedAt;
        state.LastError = result.Error;
        if (result.Delivered)
        {
            state.DeliveredAt = finishedAt;
            LogDelivered(_key.ToString(), attempt, now - state.TriggerTime);
            EndOccurrence(JobStatus.Delivered, finishedAt);
        }
        else if (!result.Retryable || attempt >= retries.MaxAttempts)
        {
            LogFailed(_key.ToString(), attempt, result.Error);
            instruments.DeadLettered();
            EndOccurrence(JobStatus.Failed, finishedAt);
        }
        else if (state.AllowOverlap && state.Trigger.IsRecurring)
        {
            // The next occurrence need not wait for this one's retries.
            state.Extra.Add(new FiringState
            {
                ScheduledTime = state.TriggerTime, ExecutionId = state.ExecutionId, Attempts = attempt, FiredAt = firedAt,
                NextAttemptAt = finishedAt + RetryDelay(attempt, result),
            });
            EndOccurrence(JobStatus.Scheduled, finishedAt);
        }
        else
        {
            state.NextAttemptAt = finishedAt + RetryDelay(attempt, result);
        }
    }

    private async Task FireExtraAsync(FiringState extra, long now)
    {
        var attempt = extra.Attempts + 1;
        extra.FiredAt ??= now;
        var result = await AttemptAsync(extra.ExecutionId, extra.ScheduledTime, extra.FiredAt.Value, attempt);
        if (Deleting)
        {
            return;
        }
        extra.Attempts = attempt;
        if (result.Delivered || !result.Retryable || attempt >= retries.MaxAttempts)
        {
            job.State.Extra.Remove(extra);
        }
        else
        {
            extra.NextAttemptAt = Now() + RetryDelay(attempt, result);
        }
    }

    /// <summary>One delivery attempt, recorded as it starts and as it ends.</summary>
    private async Task<DeliveryResult> AttemptAsync(string executionId, long scheduledTime, long firedAt, int attempt)
    {
        RecordExecution(executionId, scheduledTime, firedAt, attempt, ExecutionState.Running);
        instruments.AttemptStarted(attempt, Now() - scheduledTime);
        var route = job.State.Route;
        var started = Stopwatch.GetTimestamp();
        DeliveryResult result;
        using (JobScope(logger, this.GetPrimaryKeyString()))
        using (JobTracing.StartDelivery(this.GetPrimaryKeyString(), attempt, _scheduledBy))
        {
            result = await SendWhileDeletableAsync(scheduledTime, attempt);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var latencyMs = (long)elapsed.TotalMilliseconds;
        var finished = result.Delivered || !result.Retryable || attempt >= retries.MaxAttempts || Deleting;
        var state = result.Delivered ? ExecutionState.Succeeded : finished ? ExecutionState.Failed : ExecutionState.Retrying;
        instruments.AttemptEnded(_key.Db, route, result.Delivered ? DeliveryOutcomes.Delivered : finished ? DeliveryOutcomes.Failed : DeliveryOutcomes.Retry,
            result.HttpStatus, elapsed.TotalSeconds);
        RecordAttemptEnded(executionId, scheduledTime, firedAt, attempt, state, finished, result, latencyMs);
        return result;
    }

    /// <summary>Sends one attempt while a delete may interleave; a delete that came meanwhile is written when this returns.</summary>
    private async Task<DeliveryResult> SendWhileDeletableAsync(long scheduledTime, int attempt)
    {
        _delivering = true;
        try
        {
            return await SendAsync(scheduledTime, attempt);
        }
        finally
        {
            _delivering = false;
            if (_deletionRequest is { } request)
            {
                _deletionRequest = null;
                await request;   // its write and ours must not overlap
            }
        }
    }

    private async Task<DeliveryResult> SendAsync(long scheduledTime, int attempt)
    {
        var state = job.State;
        var route = await RouteOf(state.Route).GetAsync();
        if (route is null)
        {
            return DeliveryResult.GiveUp($"route '{state.Route}' does not exist in db '{_key.Db}'");
        }
        return await deliveries.DeliverAsync(new RouteFiring(_key, state.Meta, scheduledTime, route, attempt, state.Queue));
    }

    private long RetryDelay(int attempt, DeliveryResult result) =>
        (long)retries.DelayAfter(attempt, result.RetryAfter).TotalMilliseconds;
}
