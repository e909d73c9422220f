namespace TimerGrid.Grains.Interfaces.Routes;

/// <summary>Where and how firings are delivered.</summary>
/// <param name="Type">The route type.</param>
/// <param name="WebhookUrl">Absolute http(s) URL the firing is POSTed to; empty for a <see cref="RouteType.Grain"/> route.</param>
/// <param name="Secret">Standard Webhooks signing secret; generated when the client gives none.</param>
/// <param name="Payload">The body style of each webhook delivery.</param>
[GenerateSerializer, Alias("tg.RouteSpec")]
public sealed record RouteSpec(
    [property: Id(0)] RouteType Type,
    [property: Id(1)] string WebhookUrl,
    [property: Id(2)] string? Secret,
    [property: Id(3)] PayloadStyle Payload)
{
    /// <summary>
    /// For a <see cref="RouteType.Grain"/> route: the grain interface type (its <c>[Alias]</c>, or
    /// <c>[GrainInterfaceType]</c>) of an interface that extends <see cref="Callbacks.ITimerCallback"/>.
    /// </summary>
    [Id(4)] public string? GrainInterface { get; init; }

    /// <summary>For a <see cref="RouteType.Grain"/> route: the key of the grain called, a <see cref="Validation.GrainKeyTemplate"/>.</summary>
    [Id(5)] public string? GrainKey { get; init; }

    /// <summary>At most this many dispatches a second to the route, all silos together (fractions allowed); null is unlimited.</summary>
    [Id(6)] public double? MaxDispatchesPerSecond { get; init; }

    /// <summary>At most this many dispatches to the route in flight at once, all silos together; null is unlimited.</summary>
    [Id(7)] public int? MaxConcurrentDispatches { get; init; }

    /// <summary>Consecutive failed attempts (no connection, timeout, 5xx but 503) that open the route's circuit; null is the default.</summary>
    [Id(8)] public int? CircuitBreakerThreshold { get; init; }

    /// <summary>True when the route limits its dispatch rate or concurrency.</summary>
    public bool IsLimited => MaxDispatchesPerSecond is not null || MaxConcurrentDispatches is not null;

    /// <summary>A webhook route.</summary>
    public static RouteSpec Webhook(string url, string? secret = null, PayloadStyle payload = PayloadStyle.Meta) =>
        new(RouteType.Rest, url, secret, payload);

    /// <summary>A route that calls <see cref="Callbacks.ITimerCallback.OnTimerAsync"/> on the grain <paramref name="grainKey"/> of <paramref name="grainInterface"/>.</summary>
    public static RouteSpec Grain(string grainInterface, string grainKey) =>
        new(RouteType.Grain, "", null, PayloadStyle.Meta) { GrainInterface = grainInterface, GrainKey = grainKey };
}
