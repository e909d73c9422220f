using System.Text.Json;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Gateway.Native.Routes;

/// <summary>
/// The seed's route body <c>{id, type, webhook_url}</c>, plus TimerGrid's optional <c>secret</c> and <c>payload</c>;
/// or a GRAIN route's <c>{id, type: "GRAIN", grain_interface, grain_key}</c>, or a QUEUE route's <c>{id, type: "QUEUE"}</c>;
/// REST and GRAIN routes may add <c>max_dispatches_per_second</c>, <c>max_concurrent_dispatches</c> and <c>circuit_breaker_threshold</c>.
/// </summary>
internal static class RouteRequest
{
    public static (string? Id, RouteSpec Spec) Parse(JsonElement body) =>
        (body.OptionalString("id"), ParseTarget(body) with
        {
            // Absent means unlimited: a PUT replaces the whole route, limits included.
            MaxDispatchesPerSecond = body.OptionalNumber("max_dispatches_per_second", ErrorCodes.InvalidDispatchRate),
            MaxConcurrentDispatches = body.OptionalInt32("max_concurrent_dispatches", ErrorCodes.InvalidConcurrencyLimit),
            CircuitBreakerThreshold = body.OptionalInt32("circuit_breaker_threshold", ErrorCodes.InvalidCircuitThreshold),
        });

    private static RouteSpec ParseTarget(JsonElement body) => ParseType(body.RequiredString("type")) switch
    {
        RouteType.Grain => RouteSpec.Grain(body.RequiredString("grain_interface"), body.RequiredString("grain_key")),
        RouteType.Queue => new RouteSpec(RouteType.Queue, body.OptionalString("webhook_url") ?? "", body.OptionalString("secret"), ParsePayload(body.OptionalString("payload"))),
        _ => RouteSpec.Webhook(body.RequiredString("webhook_url"), body.OptionalString("secret"), ParsePayload(body.OptionalString("payload"))),
    };

    public static string Format(RouteType type) => type switch
    {
        RouteType.Rest => "REST",
        RouteType.Grain => "GRAIN",
        RouteType.Queue => "QUEUE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Format(PayloadStyle payload) => payload == PayloadStyle.Envelope ? "envelope" : "meta";

    private static RouteType ParseType(string type) => type.ToUpperInvariant() switch
    {
        "REST" => RouteType.Rest,
        "GRAIN" => RouteType.Grain,
        "QUEUE" => RouteType.Queue,
        _ => throw new TimerGridException(ErrorCodes.InvalidRouteType, $"type '{type}' is not supported; use \"REST\", \"GRAIN\" or \"QUEUE\""),
    };

    private static PayloadStyle ParsePayload(string? payload) => payload switch
    {
        null or "meta" => PayloadStyle.Meta,
        "envelope" => PayloadStyle.Envelope,
        _ => throw new TimerGridException(ErrorCodes.InvalidPayloadStyle, "payload must be \"meta\" or \"envelope\""),
    };
}
