namespace TimerGrid.Grains.Interfaces.Routes;

/// <summary>A route as stored.</summary>
/// <param name="Key">The route's address.</param>
/// <param name="Spec">The route's settings, with its secret always filled in.</param>
/// <param name="Version">Grows by one on every change.</param>
[GenerateSerializer, Alias("tg.RouteView")]
public sealed record RouteView(
    [property: Id(0)] RouteKey Key,
    [property: Id(1)] RouteSpec Spec,
    [property: Id(2)] int Version);
