namespace TimerGrid.Tests.Fixtures;

/// <summary>A clock that stays where the test put it.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
