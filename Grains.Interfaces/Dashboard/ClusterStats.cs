namespace TimerGrid.Grains.Interfaces.Dashboard;

/// <summary>The dashboard's overview: the cluster as a whole and each silo that reported within the last hour.</summary>
[GenerateSerializer, Alias("tg.ClusterStats")]
public sealed record ClusterStats
{
    /// <summary>Every silo together.</summary>
    [Id(0)] public required SiloStats Cluster { get; init; }
    /// <summary>Each silo, by address.</summary>
    [Id(1)] public required IReadOnlyList<SiloStats> Silos { get; init; }
    /// <summary>Scheduled jobs in storage, from the latest report that counted them.</summary>
    [Id(2)] public long? PendingJobs { get; init; }
    /// <summary>Failed jobs in storage, from the latest report that counted them.</summary>
    [Id(3)] public long? FailedJobs { get; init; }
}
