namespace TimerGrid.Grains.Interfaces.Records;

/// <summary>
/// Which executions or audit entries to read, newest first: those of a db (optionally one collection, optionally one job)
/// with a time in [<see cref="From"/>, <see cref="To"/>). Executions are timed by their scheduled time, audit entries by their creation.
/// </summary>
[GenerateSerializer, Alias("tg.RecordQuery")]
public sealed record RecordQuery
{
    /// <summary>The db; required.</summary>
    [Id(0)] public required string Db { get; init; }
    /// <summary>Only this collection, when set.</summary>
    [Id(1)] public string? Collection { get; init; }
    /// <summary>Only this job (with <see cref="Collection"/>), when set.</summary>
    [Id(2)] public string? JobId { get; init; }
    /// <summary>Inclusive lower bound, epoch ms.</summary>
    [Id(3)] public long From { get; init; }
    /// <summary>Exclusive upper bound, epoch ms.</summary>
    [Id(4)] public long To { get; init; } = long.MaxValue;
    /// <summary>At most this many (1 to 1000; others are clamped).</summary>
    [Id(5)] public int Limit { get; init; } = 100;
    /// <summary>Paging: <see cref="RecordCursor"/>.After(the previous page's last entry) for the entries after it; null for the first page.</summary>
    [Id(6)] public string? Cursor { get; init; }
    /// <summary>Executions only: just the failed ones (dead-lettered after their last attempt); the audit log ignores it.</summary>
    [Id(7)] public bool FailedOnly { get; init; }
}
