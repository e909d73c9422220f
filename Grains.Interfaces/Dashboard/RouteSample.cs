namespace TimerGrid.Grains.Interfaces.Dashboard;

/// <summary>One route's delivery attempts on one silo between two reports.</summary>
[GenerateSerializer, Alias("tg.RouteSample")]
public sealed record RouteSample
{
    /// <summary>The route's db.</summary>
    [Id(0)] public required string Db { get; init; }
    /// <summary>The route's id; <see cref="OtherRoutes"/> for the routes beyond what one silo tracks.</summary>
    [Id(1)] public required string Route { get; init; }
    /// <summary>Attempts the route acknowledged.</summary>
    [Id(2)] public long Delivered { get; init; }
    /// <summary>Attempts that failed and will be retried.</summary>
    [Id(3)] public long Retried { get; init; }
    /// <summary>Attempts that failed for good.</summary>
    [Id(4)] public long Failed { get; init; }
    /// <summary>Each attempt's duration, request to answer, counted in the buckets of <see cref="MillisecondBuckets.UpperBoundsMs"/>.</summary>
    [Id(5)] public required long[] Latency { get; init; }

    /// <summary>The route id counting a db's attempts once a silo tracks its most routes (a route id never holds '*').</summary>
    public const string OtherRoutes = "*";
}
