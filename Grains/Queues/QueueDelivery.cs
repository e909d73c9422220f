using System.Security.Cryptography;
using System.Text;
using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Queues;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Grains.Queues;

/// <summary>
/// Delivery to a QUEUE route: the firing becomes a queue job, durable before the job grain counts it delivered. A
/// seed-002 job keeps its own uuid; any other firing gets a uuid derived from its idempotency key, so a firing
/// repeated after a crash lands on the same queue job instead of a second one.
/// </summary>
internal sealed class QueueDelivery(IGrainFactory grains) : IRouteDelivery
{
    public RouteType Type => RouteType.Queue;

    public async Task<DeliveryResult> DeliverAsync(RouteFiring firing)
    {
        var id = firing.Queue is null ? DerivedId(firing.IdempotencyKey) : firing.Job.Id;
        var spec = new QueueItemSpec(firing.Route.Key.Db, firing.Route.Key.Id, firing.Meta, firing.Queue, firing.Job.ToString());
        try
        {
            await grains.GetGrain<IQueueItemGrain>(id).EnqueueAsync(spec);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return DeliveryResult.Failure($"queue '{spec.Queue}' did not take the job: {e.Message}");
        }
        return new DeliveryResult(Delivered: true, Retryable: false, Error: null, RetryAfter: null, ResponseBody: $"queued as {id}");
    }

    private static string DerivedId(string idempotencyKey) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)).AsSpan(0, 16)).ToString();
}
