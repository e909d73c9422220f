namespace TimerGrid.Grains.Triggers;

/// <summary>One occurrence, at <paramref name="triggerTime"/>, even if that has passed.</summary>
internal sealed class OneShotTrigger(long triggerTime) : ITrigger
{
    public bool IsRecurring => false;

    public long? NextAfter(long after) => after < triggerTime ? triggerTime : null;
}
