namespace TimerGrid.Grains.Interfaces.Dashboard;

/// <summary>A route's delivery attempts over a time window.</summary>
[GenerateSerializer, Alias("tg.DeliveryWindow")]
public sealed record DeliveryWindow
{
    /// <summary>Attempts acknowledged.</summary>
    [Id(0)] public long Delivered { get; init; }
    /// <summary>Attempts failed and retried.</summary>
    [Id(1)] public long Retried { get; init; }
    /// <summary>Attempts failed for good.</summary>
    [Id(2)] public long Failed { get; init; }
    /// <summary>Attempt duration median (bucket upper bound, ms); null without attempts.</summary>
    [Id(3)] public long? LatencyP50Ms { get; init; }
    /// <summary>Attempt duration 99th percentile (bucket upper bound, ms); null without attempts.</summary>
    [Id(4)] public long? LatencyP99Ms { get; init; }

    /// <summary>Every attempt.</summary>
    public long Attempts => Delivered + Retried + Failed;

    /// <summary>The share of attempts acknowledged, 0 to 1; null without attempts.</summary>
    public double? SuccessRate => Attempts == 0 ? null : (double)Delivered / Attempts;
}
