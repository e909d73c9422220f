using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace TimerGrid.Testing.Clock;

/// <summary>
/// The fake clock of one test host. It also knows when its next one-shot timer is due (a grain timer, a
/// <c>Task.Delay</c>, a timeout): when every due job waits for time to pass (a hanging receiver, a route's back-off),
/// the host moves the clock to that moment instead of waiting for ever.
/// </summary>
internal sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentDictionary<TrackedTimer, byte> _timers = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this, callback);
        _timers[timer] = 0;
        timer.Start(base.CreateTimer(timer.Fire, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan), dueTime, period);
        return timer;
    }

    /// <summary>The earliest armed one-shot timer, if any; periodic timers (background sweeps) do not count.</summary>
    public DateTimeOffset? NextOneShotTimer() => _timers.Keys.Select(t => t.OneShotDueAt).Where(d => d is not null).Min();

    public void Forget(TrackedTimer timer) => _timers.TryRemove(timer, out _);
}
