using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Grains.Delivery;

/// <summary>
/// Delivers a firing the way one <see cref="RouteType"/> does, once, and classifies the outcome. Retries, backoff,
/// dead-letter and the idempotency key are the job grain's, shared by every route type.
/// </summary>
internal interface IRouteDelivery
{
    RouteType Type { get; }

    Task<DeliveryResult> DeliverAsync(Firing firing, RouteView route);
}
