namespace TimerGrid.Grains.Interfaces.Dispatch;

/// <summary>A route's dispatch state, cluster-wide, as its limiter sees it.</summary>
/// <param name="State">Dispatching, throttled or circuit open.</param>
/// <param name="RateLimit">The rate the route dispatches at now (the configured limit or the adaptive rate); null when unlimited.</param>
/// <param name="ConcurrencyLimit">The configured concurrency limit; null when unlimited.</param>
/// <param name="Backlog">Dispatches waiting for a permit on all silos, as they last reported.</param>
[GenerateSerializer, Alias("tg.RouteDispatchStatus")]
public sealed record RouteDispatchStatus(
    [property: Id(0)] DispatchState State,
    [property: Id(1)] double? RateLimit,
    [property: Id(2)] int? ConcurrencyLimit,
    [property: Id(3)] int Backlog);
