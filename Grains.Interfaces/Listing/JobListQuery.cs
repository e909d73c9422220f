using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Interfaces.Listing;

/// <summary>
/// Which jobs of a collection to list: every filter that is set must match. <see cref="From"/> (inclusive) and
/// <see cref="To"/> (exclusive) bound the next fire time in epoch ms; with either set, jobs with none are left out.
/// </summary>
[GenerateSerializer, Alias("tg.JobListQuery")]
public sealed record JobListQuery
{
    /// <summary>The db; required.</summary>
    [Id(0)] public required string Db { get; init; }
    /// <summary>The collection; required.</summary>
    [Id(1)] public required string Collection { get; init; }
    /// <summary>Only jobs with this status.</summary>
    [Id(2)] public JobStatus? Status { get; init; }
    /// <summary>Only jobs firing into this route.</summary>
    [Id(3)] public string? Route { get; init; }
    /// <summary>Only jobs with this name.</summary>
    [Id(4)] public string? Name { get; init; }
    /// <summary>Only enabled (true) or paused (false) jobs.</summary>
    [Id(5)] public bool? Enabled { get; init; }
    /// <summary>Only jobs next firing at or after this time.</summary>
    [Id(6)] public long? From { get; init; }
    /// <summary>Only jobs next firing before this time.</summary>
    [Id(7)] public long? To { get; init; }
    /// <summary>Which page.</summary>
    [Id(8)] public PageRequest Paging { get; init; } = new();
}
