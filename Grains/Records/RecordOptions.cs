using System.ComponentModel.DataAnnotations;

namespace TimerGrid.Grains.Records;

/// <summary>The <c>TimerGrid:Records</c> section: how executions and audit entries are written and kept.</summary>
internal sealed class RecordOptions
{
    public const string Section = "TimerGrid:Records";

    /// <summary>How long executions (since their last change) and audit entries are kept.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often retention deletes what has expired.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>False: firings are not recorded as executions (audit entries still are). For measuring what recording costs.</summary>
    public bool RecordExecutions { get; set; } = true;

    /// <summary>The most records one write transaction carries.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Records waiting to be written beyond this many are dropped, oldest first, with a warning: storage is down or too slow.</summary>
    [Range(1_000, 10_000_000)]
    public int MaxBuffered { get; set; } = 100_000;
}
