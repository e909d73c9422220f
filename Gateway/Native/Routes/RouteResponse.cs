using System.Text.Json.Serialization;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Gateway.Native.Routes;

/// <summary>
/// GET /route: the seed's fields, then the signing secret and payload style; a GRAIN route shows its
/// <c>grain_interface</c> and <c>grain_key</c> instead of the webhook's fields.
/// </summary>
internal sealed record RouteResponse(
    string Id,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? WebhookUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Payload,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GrainInterface,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? GrainKey,
    int Version)
{
    public static RouteResponse From(RouteView route) => route.Spec.Type == RouteType.Grain
        ? new(route.Key.Id, RouteRequest.Format(route.Spec.Type), null, null, null, route.Spec.GrainInterface, route.Spec.GrainKey, route.Version)
        : new(route.Key.Id, RouteRequest.Format(route.Spec.Type), route.Spec.WebhookUrl, route.Spec.Secret!,
              RouteRequest.Format(route.Spec.Payload), null, null, route.Version);
}
