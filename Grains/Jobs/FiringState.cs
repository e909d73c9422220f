using System.Text.Json.Serialization;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// A firing beside the job's current occurrence: a run-now, or (with allow_overlap) an earlier occurrence
/// still being retried. Persisted in <see cref="JobState.Extra"/>. Times are epoch milliseconds.
/// </summary>
internal sealed class FiringState
{
    public long ScheduledTime { get; set; }
    public string ExecutionId { get; set; } = "";
    public int Attempts { get; set; }
    /// <summary>See <see cref="JobState.UnjudgedAttempts"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int UnjudgedAttempts { get; set; }
    public long NextAttemptAt { get; set; }
    public long? FiredAt { get; set; }
}
