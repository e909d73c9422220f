namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>Where a job is in its life.</summary>
[GenerateSerializer, Alias("tg.JobStatus")]
public enum JobStatus
{
    /// <summary>Waiting for its trigger time, or for its next delivery attempt.</summary>
    Scheduled,
    /// <summary>The route answered 2xx (one-shot jobs).</summary>
    Delivered,
    /// <summary>Dead-lettered: attempts exhausted, or the route no longer exists (one-shot jobs).</summary>
    Failed,
    /// <summary>A recurring job past its last occurrence (its end time).</summary>
    Completed,
}
