namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>What a recurring job does about occurrences missed while the node was down or the job paused.</summary>
[GenerateSerializer, Alias("tg.MisfirePolicy")]
public enum MisfirePolicy
{
    /// <summary>One catch-up firing for all the missed occurrences, then the schedule goes on.</summary>
    FireOnce,
    /// <summary>Missed occurrences are dropped; the next one in the future fires.</summary>
    Skip,
    /// <summary>Every missed occurrence within the catch-up window fires, oldest first.</summary>
    FireAll,
}
