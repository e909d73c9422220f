using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Jobs;

// How a job moves from one occurrence to the next: overlap, and the misfire policy for missed ones.
internal sealed partial class JobGrain
{
    /// <summary>
    /// The current occurrence is over: a one-shot job ends with <paramref name="outcome"/>, a recurring one moves to its
    /// next occurrence. Occurrences that came while this one was delivered or retried are skipped unless the job allows
    /// overlap or fires all (fire_all: they wait and fire one after another); occurrences already due when it started
    /// are a backlog, each judged by the misfire policy when it fires.
    /// </summary>
    private void EndOccurrence(JobStatus outcome, long now)
    {
        var state = job.State;
        var trigger = state.Trigger;
        if (!trigger.IsRecurring)
        {
            state.Status = outcome;
            state.NextAttemptAt = null;
            return;
        }
        var next = trigger.NextAfter(state.TriggerTime);
        if (state.CatchingUp && state.Misfire == MisfirePolicy.FireOnce)
        {
            next = trigger.NextAfter(now);   // the catch-up firing stood for every missed occurrence
        }
        else if (next > (state.FiredAt ?? now) && next <= now && !state.AllowOverlap && state.Misfire != MisfirePolicy.FireAll)
        {
            RecordSkipped(trigger, next.Value, now, "skipped: the previous execution was still running");
            next = trigger.NextAfter(now);
        }
        if (next is { } occurrence)
        {
            state.MoveTo(occurrence);
            return;
        }
        state.Status = JobStatus.Completed;
        state.NextAttemptAt = null;
    }

    /// <summary>
    /// Before the first attempt of a recurring occurrence: an occurrence fired more than MisfireThreshold late was
    /// missed (the node was down or the job paused), and the job's policy decides. False: do not fire it.
    /// </summary>
    private bool ApplyMisfirePolicy(long now)
    {
        var state = job.State;
        var trigger = state.Trigger;
        if (!trigger.IsRecurring || now - state.TriggerTime <= firing.Value.MisfireThreshold.TotalMilliseconds)
        {
            state.CatchingUp = false;
            return true;
        }
        switch (state.Misfire)
        {
            case MisfirePolicy.Skip:
                RecordSkipped(trigger, state.TriggerTime, now, "missed while the node was down or the job paused (misfire policy skip)");
                if (trigger.NextAfter(now) is { } next)
                {
                    state.MoveTo(next);
                }
                else
                {
                    state.Status = JobStatus.Completed;
                }
                return false;
            case MisfirePolicy.FireAll:
                var windowStart = now - (state.CatchUpWindowMs ?? (long)firing.Value.DefaultCatchUpWindow.TotalMilliseconds);
                if (!state.CatchingUp && state.TriggerTime < windowStart && trigger.NextAfter(windowStart - 1) is { } first)
                {
                    RecordSkipped(trigger, state.TriggerTime, Math.Min(first - 1, now), "missed before the catch-up window (misfire policy fire_all)");
                    state.MoveTo(first);
                }
                break;
        }
        state.CatchingUp = true;   // fire_once: this firing stands for every missed occurrence
        return true;
    }
}
