namespace TimerGrid.Grains.Interfaces.Dashboard;

/// <summary>One route's recent deliveries, cluster-wide.</summary>
[GenerateSerializer, Alias("tg.RouteStats")]
public sealed record RouteStats
{
    /// <summary>The route's id in its db (or <see cref="RouteSample.OtherRoutes"/>).</summary>
    [Id(0)] public required string Route { get; init; }
    /// <summary>The last five minutes (whole minutes, the current one included).</summary>
    [Id(1)] public required DeliveryWindow LastFiveMinutes { get; init; }
    /// <summary>The last hour.</summary>
    [Id(2)] public required DeliveryWindow LastHour { get; init; }
}
