namespace TimerGrid.Grains.Interfaces.Dashboard;

/// <summary>One minute of the chart.</summary>
[GenerateSerializer, Alias("tg.MinuteStats")]
public sealed record MinuteStats
{
    /// <summary>The minute's start (epoch ms).</summary>
    [Id(0)] public long Start { get; init; }
    /// <summary>Fires in the minute.</summary>
    [Id(1)] public long Fires { get; init; }
    /// <summary>Lateness 99th percentile (bucket upper bound, ms); null without fires.</summary>
    [Id(2)] public long? LatenessP99Ms { get; init; }
}
