namespace TimerGrid.Testing.Clock;

/// <summary>
/// A timer of <see cref="TestClock"/> that remembers when it fires next, if it fires once. A periodic timer fires once
/// per move of the clock however far it moves, as a real timer that missed its ticks does: FakeTimeProvider would
/// replay every period (a one-second sweep, 30 days on: 2.6 million callbacks).
/// </summary>
internal sealed class TrackedTimer(TestClock clock, TimerCallback callback) : ITimer
{
    private readonly Lock _lock = new();
    private ITimer _inner = null!;
    private DateTimeOffset? _oneShotDueAt;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private int _changes;

    public DateTimeOffset? OneShotDueAt => _oneShotDueAt;

    public void Start(ITimer inner, TimeSpan dueTime, TimeSpan period)
    {
        _inner = inner;
        Change(dueTime, period);
    }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _changes++;
            _period = period == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : period;
            _oneShotDueAt = dueTime != Timeout.InfiniteTimeSpan && _period == Timeout.InfiniteTimeSpan ? clock.GetUtcNow() + dueTime : null;
        }
        return _inner.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Fire(object? state)
    {
        int changes;
        lock (_lock)
        {
            _oneShotDueAt = null;   // a one-shot timer that fired is armed no more until it is changed again
            changes = _changes;
        }
        callback(state);
        lock (_lock)
        {
            if (_changes == changes && _period != Timeout.InfiniteTimeSpan)
            {
                _inner.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        _oneShotDueAt = null;
        clock.Forget(this);
        _inner.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
