using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Gateway.Native.Routes;

/// <summary>GET /route: the seed's fields, then the signing secret and payload style.</summary>
internal sealed record RouteResponse(string Id, string Type, string WebhookUrl, string Secret, string Payload, int Version)
{
    public static RouteResponse From(RouteView route) => new(
        route.Key.Id,
        RouteRequest.Format(route.Spec.Type),
        route.Spec.WebhookUrl,
        route.Spec.Secret!,
        RouteRequest.Format(route.Spec.Payload),
        route.Version);
}
