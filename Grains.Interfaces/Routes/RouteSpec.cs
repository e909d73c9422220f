namespace TimerGrid.Grains.Interfaces.Routes;

/// <summary>Where and how firings are delivered.</summary>
/// <param name="Type">The route type; only REST webhooks for now.</param>
/// <param name="WebhookUrl">Absolute http(s) URL the firing is POSTed to.</param>
/// <param name="Secret">Standard Webhooks signing secret; generated when the client gives none.</param>
/// <param name="Payload">The body style of each delivery.</param>
[GenerateSerializer, Alias("tg.RouteSpec")]
public sealed record RouteSpec(
    [property: Id(0)] RouteType Type,
    [property: Id(1)] string WebhookUrl,
    [property: Id(2)] string? Secret,
    [property: Id(3)] PayloadStyle Payload);
