namespace TimerGrid.Grains.Dispatch;

/// <summary>
/// A route's circuit. It opens after a threshold of consecutive failures (no connection, a timeout, a 5xx other than
/// 503: 429 and 503 are back-pressure, not death); while open, one probe at a time goes out, the first after a second,
/// each next one twice as long after the last failed probe, up to a maximum. Any answer closes it: a delivered
/// dispatch, or a probe that the receiver answered at all.
/// </summary>
internal sealed class CircuitBreaker
{
    private const long FirstProbeDelayMs = 1000;

    private int _streak;
    private int _failedProbes;
    private long _probeAt;
    private long? _probeSentAt;

    public bool IsOpen { get; private set; }

    /// <summary>Counts a silo's answers.</summary>
    /// <param name="trailingFailures">The silo's failures after its last success, when it had a success.</param>
    public void Record(int succeeded, int failed, int trailingFailures, int threshold, long now)
    {
        _streak = succeeded > 0 ? trailingFailures : _streak + failed;
        if (succeeded > 0 && IsOpen)
        {
            Close();   // a dispatch that started before the circuit opened got through
        }
        if (!IsOpen && _streak >= threshold)
        {
            IsOpen = true;
            _failedProbes = 0;
            _probeAt = now + FirstProbeDelayMs;
        }
    }

    /// <summary>When the next probe may go out; null while the circuit is closed.</summary>
    public long? NextProbeAt(TimeSpan probeTimeout) => !IsOpen ? null
        : _probeSentAt is { } sent ? Math.Max(_probeAt, sent + (long)probeTimeout.TotalMilliseconds)
        : _probeAt;

    /// <summary>True when a probe may go out now; it stays the only one until it ends or <paramref name="probeTimeout"/> passes.</summary>
    public bool TryStartProbe(long now, TimeSpan probeTimeout)
    {
        if (!IsOpen || now < _probeAt || (_probeSentAt is { } sent && now - sent < probeTimeout.TotalMilliseconds))
        {
            return false;
        }
        _probeSentAt = now;
        return true;
    }

    public void ProbeEnded(bool answered, long now, TimeSpan maxDelay)
    {
        _probeSentAt = null;
        if (!IsOpen)
        {
            return;
        }
        if (answered)
        {
            Close();
            return;
        }
        _failedProbes++;
        var delay = FirstProbeDelayMs * Math.Pow(2, Math.Min(_failedProbes, 20));
        _probeAt = now + (long)Math.Min(delay, maxDelay.TotalMilliseconds);
    }

    private void Close()
    {
        IsOpen = false;
        _streak = 0;
        _probeSentAt = null;
    }
}
