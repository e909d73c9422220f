namespace TimerGrid.Grains.Triggers;

/// <summary>Every <paramref name="intervalMs"/> from <paramref name="anchor"/> on, before <paramref name="endTime"/>.</summary>
internal sealed class IntervalTrigger(long anchor, long intervalMs, long? endTime) : ITrigger
{
    public bool IsRecurring => true;

    public long? NextAfter(long after)
    {
        var next = after < anchor ? anchor : anchor + ((after - anchor) / intervalMs + 1) * intervalMs;
        return next < (endTime ?? long.MaxValue) ? next : null;
    }
}
