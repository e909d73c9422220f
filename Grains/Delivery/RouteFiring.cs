using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Queues;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Grains.Delivery;

/// <summary>One attempt of one firing of a job, for its route's delivery.</summary>
/// <param name="ScheduledTime">The occurrence's time; with the job, the idempotency key of the firing.</param>
internal sealed record RouteFiring(JobKey Job, string Meta, long ScheduledTime, RouteView Route, int Attempt, QueueItemOptions? Queue)
{
    /// <summary>The same on every attempt of one occurrence (Standard Webhooks <c>webhook-id</c>).</summary>
    public string IdempotencyKey => $"{Job}@{ScheduledTime}";
}
