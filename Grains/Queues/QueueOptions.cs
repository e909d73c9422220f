using System.ComponentModel.DataAnnotations;

namespace TimerGrid.Grains.Queues;

/// <summary>The <c>TimerGrid:Queues</c> section: pull queues (seed 002).</summary>
internal sealed class QueueOptions
{
    public const string Section = "TimerGrid:Queues";

    /// <summary>How long a taken job stays invisible to other workers when the take names no <c>X-Accepted-Timeout</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DefaultVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Takes whose visibility ran out before the job ends <c>failed</c>.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Shards per queue: each is a grain holding the index of the jobs hashed to it.</summary>
    [Range(1, 64)]
    public int Shards { get; set; } = 4;

    /// <summary>
    /// How long a queue job's grain stays in memory after its last call. Its shard indexes a queued job without it, so
    /// a backlog costs its index entries, not an activation each; a job taken after a longer wait is read again first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:15:00")]
    public TimeSpan IdleActivation { get; set; } = TimeSpan.FromMinutes(1);
}
