using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Grains.Delivery;

/// <summary>Delivers one attempt of a firing to a route of one type; the job grain records the outcome and owns retries.</summary>
internal interface IRouteDelivery
{
    RouteType Type { get; }

    Task<DeliveryResult> DeliverAsync(RouteFiring firing);
}
