namespace TimerGrid.Grains.Interfaces.Dashboard;

/// <summary>Figures over a time window.</summary>
[GenerateSerializer, Alias("tg.WindowStats")]
public sealed record WindowStats
{
    /// <summary>Fires a second, averaged over the window.</summary>
    [Id(0)] public double FiresPerSecond { get; init; }
    /// <summary>Attempts acknowledged.</summary>
    [Id(1)] public long Delivered { get; init; }
    /// <summary>Attempts failed and retried.</summary>
    [Id(2)] public long Retried { get; init; }
    /// <summary>Attempts failed for good.</summary>
    [Id(3)] public long Failed { get; init; }
    /// <summary>Lateness median (bucket upper bound, ms); null without fires.</summary>
    [Id(4)] public long? LatenessP50Ms { get; init; }
    /// <summary>Lateness 99th percentile (bucket upper bound, ms); null without fires.</summary>
    [Id(5)] public long? LatenessP99Ms { get; init; }
}
