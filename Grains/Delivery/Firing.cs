using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Delivery;

/// <summary>One attempt to deliver one occurrence of a job, whatever the route type.</summary>
/// <param name="ScheduledTime">The occurrence's time: the one-shot trigger time, a recurring occurrence, or a run-now's request time.</param>
internal sealed record Firing(JobKey Job, string Meta, long ScheduledTime, int Attempt)
{
    /// <summary>The same on every attempt of one occurrence, so receivers can deduplicate (Standard Webhooks <c>webhook-id</c>).</summary>
    public string IdempotencyKey => $"{Job}@{ScheduledTime}";
}
