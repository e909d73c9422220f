using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Grains.Delivery;

/// <summary>The delivery of each route type.</summary>
internal sealed class RouteDeliveries(IEnumerable<IRouteDelivery> deliveries)
{
    private readonly Dictionary<RouteType, IRouteDelivery> _byType = deliveries.ToDictionary(d => d.Type);

    public Task<DeliveryResult> DeliverAsync(RouteFiring firing) => _byType[firing.Route.Spec.Type].DeliverAsync(firing);
}
