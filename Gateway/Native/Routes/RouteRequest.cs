using System.Text.Json;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Gateway.Native.Routes;

/// <summary>The seed's route body <c>{id, type, webhook_url}</c>, plus TimerGrid's optional <c>secret</c> and <c>payload</c>.</summary>
internal static class RouteRequest
{
    public static (string? Id, RouteSpec Spec) Parse(JsonElement body)
    {
        var type = ParseType(body.RequiredString("type"));
        return (body.OptionalString("id"),
            new RouteSpec(
                type,
                type == RouteType.Queue ? body.OptionalString("webhook_url") ?? "" : body.RequiredString("webhook_url"),
                body.OptionalString("secret"),
                ParsePayload(body.OptionalString("payload"))));
    }

    public static string Format(RouteType type) => type switch
    {
        RouteType.Rest => "REST",
        RouteType.Queue => "QUEUE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Format(PayloadStyle payload) => payload == PayloadStyle.Envelope ? "envelope" : "meta";

    private static RouteType ParseType(string type) => type.ToUpperInvariant() switch
    {
        "REST" => RouteType.Rest,
        "QUEUE" => RouteType.Queue,
        _ => throw new TimerGridException(ErrorCodes.InvalidRouteType, $"type '{type}' is not supported; use \"REST\" or \"QUEUE\""),
    };

    private static PayloadStyle ParsePayload(string? payload) => payload switch
    {
        null or "meta" => PayloadStyle.Meta,
        "envelope" => PayloadStyle.Envelope,
        _ => throw new TimerGridException(ErrorCodes.InvalidPayloadStyle, "payload must be \"meta\" or \"envelope\""),
    };
}
