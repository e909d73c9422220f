namespace TimerGrid.Grains.Interfaces.Dashboard;

/// <summary>One silo's figures (or the cluster's).</summary>
[GenerateSerializer, Alias("tg.SiloStats")]
public sealed record SiloStats
{
    /// <summary>The silo's address, or "cluster".</summary>
    [Id(0)] public required string Silo { get; init; }
    /// <summary>When it last reported (epoch ms).</summary>
    [Id(1)] public long LastReport { get; init; }
    /// <summary>The last minute.</summary>
    [Id(2)] public required WindowStats LastMinute { get; init; }
    /// <summary>The last hour.</summary>
    [Id(3)] public required WindowStats LastHour { get; init; }
    /// <summary>The last hour minute by minute, oldest first, for the chart.</summary>
    [Id(4)] public required IReadOnlyList<MinuteStats> Minutes { get; init; }
}
