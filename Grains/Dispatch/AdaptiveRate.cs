namespace TimerGrid.Grains.Dispatch;

/// <summary>
/// A route's rate when its receiver pushes back (AIMD). A 429 or 503 cuts the rate to half of what it was, or to what
/// the receiver accepted over the last second if that is less (not below a sixteenth), at most once a second; each second of answers without
/// one raises it by a tenth of the rate set at the last cut, up to the configured limit, where adapting ends. An
/// unlimited route adapts until 30 s pass without a 429 or 503. A Retry-After pauses the whole route that long.
/// </summary>
internal sealed class AdaptiveRate
{
    /// <summary>The floor: one dispatch every ten seconds still finds out whether the receiver recovered.</summary>
    public const double MinRate = 0.1;
    private const long CutEveryMs = 1000;
    private const long RaiseEveryMs = 1000;
    private const long ForgetAfterMs = 30_000;

    private double _step;
    private long _lastCutAt = long.MinValue / 2;
    private long _lastRaiseAt;
    private long _lastThrottleAt;

    /// <summary>The adapted rate; null while the route is not adapting.</summary>
    public double? Current { get; private set; }

    public long PausedUntil { get; private set; }

    public bool IsPaused(long now) => now < PausedUntil;

    /// <param name="sentRate">Dispatches a second over the last second.</param>
    /// <param name="acceptedRate">Delivered answers a second over the last second.</param>
    public void Throttled(long now, double? configured, double sentRate, double acceptedRate, TimeSpan? retryAfter, TimeSpan maxPause)
    {
        _lastThrottleAt = now;
        if (retryAfter is { } asked)
        {
            PausedUntil = Math.Max(PausedUntil, now + (long)(asked < maxPause ? asked : maxPause).TotalMilliseconds);
        }
        if (now - _lastCutAt < CutEveryMs)
        {
            return;
        }
        var from = Current ?? configured ?? Math.Max(sentRate, 2 * MinRate);
        Current = Math.Max(MinRate, Math.Min(from / 2, Math.Max(acceptedRate, from / 16)));
        _step = Math.Max(MinRate, Current.Value / 10);
        _lastCutAt = _lastRaiseAt = now;
    }

    /// <summary>Answers came back and none asked for less.</summary>
    public void Answered(long now, double? configured)
    {
        if (Current is not { } rate || now - _lastRaiseAt < RaiseEveryMs)
        {
            return;
        }
        _lastRaiseAt = now;
        var raised = rate + _step;
        var recovered = configured is { } limit ? raised >= limit : now - _lastThrottleAt >= ForgetAfterMs;
        Current = recovered ? null : raised;
    }
}
