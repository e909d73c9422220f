using System.Diagnostics;
using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Dispatch;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// One firing attempt, top to bottom: the occurrence (or an overlapping retry) is sent to its route's delivery while a
/// delete may interleave, recorded as it starts and ends, and its outcome decides: delivered, retried after a backoff,
/// or dead-lettered.
/// </summary>
internal sealed partial class JobGrain
{
    /// <summary>Cancels the wait for a route's permit while a firing waits for one.</summary>
    private CancellationTokenSource? _permitWait;

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
        var dueAt = state.OccurrenceDueAt ?? now;
        var result = await AttemptAsync(state.ExecutionId, state.TriggerTime, firedAt, attempt, state.UnjudgedAttempts, dueAt);
        if (Deleting)
        {
            return;
        }
        var finishedAt = Now();
        var unjudged = state.UnjudgedAttempts + (result.Judged ? 0 : 1);
        state.Attempts = attempt;
        state.UnjudgedAttempts = unjudged;
        state.FiredAt = firedAt;
        state.LastError = result.Error;
        if (result.Delivered)
        {
            state.DeliveredAt = finishedAt;
            LogDelivered(_key.ToString(), attempt, now - state.TriggerTime);
            EndOccurrence(JobStatus.Delivered, finishedAt);
        }
        else if (retries.GivesUp(result, attempt, unjudged))
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
                ScheduledTime = state.TriggerTime, ExecutionId = state.ExecutionId, Attempts = attempt, UnjudgedAttempts = unjudged,
                FiredAt = firedAt, NextAttemptAt = finishedAt + RetryDelay(attempt, unjudged, result),
            });
            EndOccurrence(JobStatus.Scheduled, finishedAt);
        }
        else
        {
            state.NextAttemptAt = finishedAt + RetryDelay(attempt, unjudged, result);
        }
    }

    private async Task FireExtraAsync(FiringState extra, long now)
    {
        var attempt = extra.Attempts + 1;
        extra.FiredAt ??= now;
        var result = await AttemptAsync(extra.ExecutionId, extra.ScheduledTime, extra.FiredAt.Value, attempt, extra.UnjudgedAttempts, extra.NextAttemptAt);
        if (Deleting)
        {
            return;
        }
        extra.Attempts = attempt;
        extra.UnjudgedAttempts += result.Judged ? 0 : 1;
        if (result.Delivered || retries.GivesUp(result, attempt, extra.UnjudgedAttempts))
        {
            job.State.Extra.Remove(extra);
        }
        else
        {
            extra.NextAttemptAt = Now() + RetryDelay(attempt, extra.UnjudgedAttempts, result);
        }
    }

    /// <summary>
    /// One delivery attempt: it waits for its route's permit (rate, concurrency, back-off, circuit), then is recorded as it
    /// starts, sent, and recorded as it ends. Lateness counts the wait. A delete may interleave throughout.
    /// </summary>
    /// <param name="unjudged">The occurrence's unjudged attempts before this one.</param>
    /// <param name="dueAt">When this attempt was due: permits go out in this order.</param>
    private async Task<DeliveryResult> AttemptAsync(string executionId, long scheduledTime, long firedAt, int attempt, int unjudged, long dueAt)
    {
        _delivering = true;
        try
        {
            var route = await RouteOf(job.State.Route).GetAsync();
            using var permit = route is null ? DispatchPermit.None : await WaitForPermitAsync(route, dueAt);
            if (permit is null || Deleting)
            {
                return DeliveryResult.GiveUp("deleted while waiting for its route");   // a permit goes back unused
            }
            RecordExecution(executionId, scheduledTime, firedAt, attempt, ExecutionState.Running);
            instruments.AttemptStarted(attempt, Now() - scheduledTime);
            var started = Stopwatch.GetTimestamp();
            DeliveryResult result;
            using (JobScope(logger, this.GetPrimaryKeyString()))
            using (JobTracing.StartDelivery(this.GetPrimaryKeyString(), attempt, _scheduledBy))
            {
                result = (await SendAsync(route, scheduledTime, attempt)) with { Probe = permit.IsProbe };
            }
            permit.Complete(result);
            AttemptEnded(executionId, scheduledTime, firedAt, attempt, unjudged + (result.Judged ? 0 : 1), result, Stopwatch.GetElapsedTime(started));
            return result;
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

    /// <summary>Waits for the route's permit; null when a delete came meanwhile (it cancels the wait, see DeleteAsync).</summary>
    private async Task<DispatchPermit?> WaitForPermitAsync(RouteView route, long dueAt)
    {
        while (true)
        {
            using var wait = _permitWait = new CancellationTokenSource();
            try
            {
                return await gates.EnterAsync(route, dueAt, wait.Token);
            }
            catch (OperationCanceledException) when (_deletionRequest is { } request)
            {
                if (await request is null)
                {
                    return null;
                }
                // The deletion's write failed, so its client heard that nothing changed: the firing waits on.
            }
            finally
            {
                _permitWait = null;
            }
        }
    }

    private void AttemptEnded(string executionId, long scheduledTime, long firedAt, int attempt, int unjudged, DeliveryResult result, TimeSpan elapsed)
    {
        var finished = result.Delivered || retries.GivesUp(result, attempt, unjudged) || Deleting;
        var state = result.Delivered ? ExecutionState.Succeeded : finished ? ExecutionState.Failed : ExecutionState.Retrying;
        if (result.Throttled)
        {
            instruments.Throttled();
        }
        instruments.AttemptEnded(_key.Db, job.State.Route, result.Delivered ? DeliveryOutcomes.Delivered : finished ? DeliveryOutcomes.Failed : DeliveryOutcomes.Retry,
            result.HttpStatus, elapsed.TotalSeconds);
        RecordAttemptEnded(executionId, scheduledTime, firedAt, attempt, state, finished, result, (long)elapsed.TotalMilliseconds);
    }

    private Task<DeliveryResult> SendAsync(RouteView? route, long scheduledTime, int attempt)
    {
        var state = job.State;
        return route is null
            ? Task.FromResult(DeliveryResult.GiveUp($"route '{state.Route}' does not exist in db '{_key.Db}'"))
            : deliveries.DeliverAsync(new RouteFiring(_key, state.Meta, scheduledTime, route, attempt, state.Queue));
    }

    private long RetryDelay(int attempt, int unjudged, DeliveryResult result) =>
        (long)retries.DelayAfter(Math.Max(1, attempt - unjudged), result.RetryAfter).TotalMilliseconds;
}
