namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>What a delete request did.</summary>
[GenerateSerializer, Alias("tg.DeleteOutcome")]
public enum DeleteOutcome
{
    /// <summary>There was no such job.</summary>
    NotFound,
    /// <summary>The job is gone.</summary>
    Deleted,
    /// <summary>A delivery of the job is in flight: the job is deleted when it ends, instead of being retried or fired again.</summary>
    Queued,
}
