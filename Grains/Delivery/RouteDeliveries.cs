using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Grains.Delivery;

/// <summary>The <see cref="IRouteDelivery"/> of each route type.</summary>
internal sealed class RouteDeliveries(IEnumerable<IRouteDelivery> deliveries)
{
    private readonly Dictionary<RouteType, IRouteDelivery> _byType = deliveries.ToDictionary(d => d.Type);

    public Task<DeliveryResult> DeliverAsync(Firing firing, RouteView route) =>
        _byType.TryGetValue(route.Spec.Type, out var delivery)
            ? delivery.DeliverAsync(firing, route)
            : Task.FromResult(DeliveryResult.GiveUp($"route type {route.Spec.Type} cannot be delivered by this silo"));
}
