using System.Text.Json.Serialization;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Gateway.Native.Routes;

/// <summary>
/// GET /route: the seed's fields, then the signing secret and payload style; a GRAIN route shows its
/// <c>grain_interface</c> and <c>grain_key</c> instead of the webhook's fields; limits only when set.
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
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? MaxDispatchesPerSecond { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? MaxConcurrentDispatches { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? CircuitBreakerThreshold { get; init; }

    public static RouteResponse From(RouteView route) => Target(route) with
    {
        MaxDispatchesPerSecond = route.Spec.MaxDispatchesPerSecond,
        MaxConcurrentDispatches = route.Spec.MaxConcurrentDispatches,
        CircuitBreakerThreshold = route.Spec.CircuitBreakerThreshold,
    };

    private static RouteResponse Target(RouteView route) => route.Spec.Type == RouteType.Grain
        ? new(route.Key.Id, RouteRequest.Format(route.Spec.Type), null, null, null, route.Spec.GrainInterface, route.Spec.GrainKey, route.Version)
        : new(route.Key.Id, RouteRequest.Format(route.Spec.Type), route.Spec.WebhookUrl, route.Spec.Secret!,
              RouteRequest.Format(route.Spec.Payload), null, null, route.Version);
}
