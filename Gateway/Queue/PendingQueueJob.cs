using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Queues;

namespace TimerGrid.Gateway.Queue;

/// <summary>A seed-002 job still waiting for its <c>X-Accepted-Delay</c>: its native job has not fired into the queue yet.</summary>
internal static class PendingQueueJob
{
    public static QueueItemView? From(JobView? job) => job?.Spec.Queue is { } options
        ? new QueueItemView
        {
            Id = job.Key.Id,
            Db = job.Key.Db,
            Queue = job.Spec.Route,
            Priority = options.Priority,
            Params = job.Spec.Meta,
            Status = QueueItemStatus.Queued,
        }
        : null;
}
