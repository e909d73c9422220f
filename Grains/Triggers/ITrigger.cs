namespace TimerGrid.Grains.Triggers;

/// <summary>
/// When a job's occurrences are (Quartz's trigger is the model): the firing path asks it for the next
/// occurrence and never branches on the kind. Times are Unix epoch milliseconds.
/// </summary>
internal interface ITrigger
{
    /// <summary>False for a one-shot job: misfire and overlap rules apply only to recurring ones.</summary>
    bool IsRecurring { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    long? NextAfter(long after);
}
