using System.ComponentModel.DataAnnotations;

namespace TimerGrid.Grains.Jobs;

/// <summary>The <c>TimerGrid:Jobs</c> section: how long finished jobs are kept.</summary>
internal sealed class JobRetentionOptions
{
    public const string Section = "TimerGrid:Jobs";

    /// <summary>
    /// How long a delivered one-shot job, or a recurring job past its end, is kept after it finished; then it is deleted
    /// as if a client had deleted it. Failed jobs are kept until a client replays or deletes them.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan FinishedRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often retention deletes the finished jobs that expired.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(1);
}
