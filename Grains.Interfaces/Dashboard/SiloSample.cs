namespace TimerGrid.Grains.Interfaces.Dashboard;

/// <summary>What one silo measured between two reports. Times are Unix epoch milliseconds.</summary>
[GenerateSerializer, Alias("tg.SiloSample")]
public sealed record SiloSample
{
    /// <summary>The silo's address.</summary>
    [Id(0)] public required string Silo { get; init; }
    /// <summary>When the silo took the sample.</summary>
    [Id(1)] public long At { get; init; }
    /// <summary>Executions started (first attempts).</summary>
    [Id(2)] public long Fires { get; init; }
    /// <summary>Attempts the receiver acknowledged.</summary>
    [Id(3)] public long Delivered { get; init; }
    /// <summary>Attempts that failed and will be retried.</summary>
    [Id(4)] public long Retried { get; init; }
    /// <summary>Attempts that failed for good.</summary>
    [Id(5)] public long Failed { get; init; }
    /// <summary>Lateness of each fire, counted in the buckets of <see cref="MillisecondBuckets.UpperBoundsMs"/>.</summary>
    [Id(6)] public required long[] Lateness { get; init; }
    /// <summary>Scheduled jobs in storage, cluster-wide, when the silo has counted them.</summary>
    [Id(7)] public long? PendingJobs { get; init; }
    /// <summary>Failed jobs in storage, cluster-wide, when the silo has counted them.</summary>
    [Id(8)] public long? FailedJobs { get; init; }
    /// <summary>Delivery attempts by route (only routes with attempts).</summary>
    [Id(9)] public IReadOnlyList<RouteSample> Routes { get; init; } = [];
}
