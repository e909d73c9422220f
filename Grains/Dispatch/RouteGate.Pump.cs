using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Dispatch;

namespace TimerGrid.Grains.Dispatch;

/// <summary>
/// The lease loop of an engaged gate: every <see cref="LeaseEveryMs"/> while it has work (sooner when a waiter finds no
/// share at all) it reports demand and answers to the route's limiter and takes this silo's new share. It stops once the
/// limiter heard that nothing waits or runs here; a route without limits disengages sooner, as soon as the limiter
/// lets it go free and a round passed without a failure or a 429/503.
/// </summary>
internal sealed partial class RouteGate
{
    private const long LeaseEveryMs = 100;
    private const long SoonestLeaseMs = 20;
    /// <summary>A grant older than this is void: a silo cut off from the limiter stops dispatching.</summary>
    private const long LeaseValidMs = 1000;

    private DispatchGrant _grant = DispatchGrant.Hold(probe: false);
    private long _grantAt = long.MinValue / 2;
    private long _leaseTriedAt = long.MinValue / 2;
    private double _tokens;
    private long _tokensAt;
    private bool _probeGranted;
    private bool _pumping;
    /// <summary>The clock's time (ms) the pump sleeps until; <see cref="long.MinValue"/> while it runs a round or is woken to.</summary>
    private long _sleepsUntil = long.MinValue;
    private bool _leasing;
    private bool _wantLease;
    private bool _limiterKnowsIdle;
    private bool _lastReportQuiet;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _dispatched;
    private int _succeeded;
    private int _throttled;
    private int _failed;
    private int _trailingFailures;
    private bool _hadSuccess;
    private TimeSpan? _retryAfter;
    private bool? _probeAnswered;

    /// <summary>
    /// Its pump is running a round, or its time came and the pump has not yet woken to run it: dispatches it holds may be
    /// about to start. (A test clock moved further meanwhile would move it past their time.)
    /// </summary>
    public bool Acting
    {
        get
        {
            lock (_lock)
            {
                return _pumping && Now() >= _sleepsUntil;
            }
        }
    }

    private void StartPumpLocked()
    {
        if (!_pumping && !stopping.IsCancellationRequested)
        {
            (_pumping, _sleepsUntil) = (true, long.MinValue);
            _ = Task.Run(PumpAsync);
        }
    }

    /// <summary>A waiter found nothing to start with: ask the limiter now rather than at the next round.</summary>
    private void WantLeaseLocked()
    {
        if (_grant.Rate == 0 || _grant.Slots == 0 || Now() - _grantAt > LeaseValidMs)
        {
            WakePumpLocked();
        }
    }

    /// <summary>Has the pump ask the limiter at its next chance, even while the route is held.</summary>
    private void WakePumpLocked()
    {
        (_wantLease, _sleepsUntil) = (true, long.MinValue);
        _wake.TrySetResult();
    }

    private async Task PumpAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            DispatchReport? report = null;
            lock (_lock)
            {
                var sinceLease = Now() - _leaseTriedAt;
                if (sinceLease >= LeaseEveryMs || (_wantLease && sinceLease >= SoonestLeaseMs))
                {
                    var idle = _inFlight == 0 && _limiterKnowsIdle;
                    var freeAgain = !_limited && _grant.Free && _lastReportQuiet;
                    if (_waiting.Count == 0 && (idle || freeAgain))
                    {
                        _pumping = false;
                        _engaged = _limited || !_grant.Free;
                        if (!_engaged)
                        {
                            _freeSuccess = _succeeded > 0;
                            TakeReportLocked();   // what ends from now on is not the limiter's business, unless it fails
                        }
                        return;
                    }
                    report = TakeReportLocked();
                    (_leasing, _wantLease, _leaseTriedAt) = (true, false, Now());
                }
            }
            if (report is not null)
            {
                await LeaseAsync(report);
            }
            Task wake;
            TimeSpan wait;
            lock (_lock)
            {
                DispatchLocked();
                wait = NextWakeLocked();
                _sleepsUntil = Now() + (long)wait.TotalMilliseconds;
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wake = _wake.Task;
            }
            await Task.WhenAny(Task.Delay(wait, clock, stopping), wake);
            lock (_lock)
            {
                _sleepsUntil = long.MinValue;
            }
        }
    }

    private async Task LeaseAsync(DispatchReport report)
    {
        DispatchGrant? grant = null;
        try
        {
            grant = await limiter.LeaseAsync(report);
        }
        catch (Exception e)
        {
            LogLeaseFailed(routeKey, e.Message);   // the old grant runs out; answers of this round are not counted
        }
        lock (_lock)
        {
            _leasing = false;
            if (grant is null)
            {
                return;
            }
            if (_grant.Rate is { } rate)
            {
                RefillLocked(rate);
            }
            (_grant, _grantAt, _probeGranted) = (grant, Now(), grant.Probe);
            _tokens = Math.Min(_tokens, Burst(grant.Rate ?? 0));
            _lastReportQuiet = report is { Queued: 0, Throttled: 0, Failed: 0, ProbeAnswered: null };
            _limiterKnowsIdle = _lastReportQuiet && report is { InFlight: 0, Dispatched: 0, Succeeded: 0 };
        }
    }

    private TimeSpan NextWakeLocked()
    {
        var now = Now();
        var untilLease = Math.Max(1, (_wantLease ? SoonestLeaseMs : LeaseEveryMs) - (now - _leaseTriedAt));
        if (!_wantLease && _grant.HeldUntil is { } heldUntil)
        {
            untilLease = Math.Max(untilLease, heldUntil - now);   // the limiter lets nothing through before then
        }
        if (_waiting.Count > 0 && !_grant.Free && _grant.Rate is double rate && rate > 0 && _tokens < 1)
        {
            var untilToken = (long)Math.Ceiling((1 - _tokens) / rate * 1000);
            return TimeSpan.FromMilliseconds(Math.Clamp(untilToken, 1, untilLease));
        }
        return TimeSpan.FromMilliseconds(untilLease);
    }

    private void RefillLocked(double rate)
    {
        var now = clock.GetTimestamp();
        _tokens = Math.Min(Burst(rate), _tokens + clock.GetElapsedTime(_tokensAt, now).TotalSeconds * rate);
        _tokensAt = now;
    }

    private static double Burst(double rate) => rate > 0 ? Math.Max(1, rate / 20) : 0;

    private void CountLocked(DeliveryResult? result, bool probe)
    {
        if (result is null)
        {
            _probeAnswered = probe ? false : _probeAnswered;
            return;
        }
        if (result.Throttled)
        {
            _throttled++;
            _retryAfter = result.RetryAfter > _retryAfter || _retryAfter is null ? result.RetryAfter : _retryAfter;
        }
        else if (result.ReceiverDown)
        {
            (_failed, _trailingFailures) = (_failed + 1, _trailingFailures + 1);
        }
        else if (result.Delivered || result.HttpStatus is not null)
        {
            (_succeeded, _trailingFailures, _hadSuccess) = (_succeeded + 1, 0, true);
        }
        if (probe)
        {
            _probeAnswered = !result.ReceiverDown;
        }
    }

    private DispatchReport TakeReportLocked()
    {
        var report = new DispatchReport
        {
            Silo = silo, RouteVersion = _version, Queued = _waiting.Count, InFlight = _inFlight, Dispatched = _dispatched,
            Succeeded = _succeeded, Throttled = _throttled, Failed = _failed, TrailingFailures = _hadSuccess ? _trailingFailures : 0,
            RetryAfter = _retryAfter, ProbeAnswered = _probeAnswered,
        };
        (_dispatched, _succeeded, _throttled, _failed, _trailingFailures, _hadSuccess, _retryAfter, _probeAnswered) = (0, 0, 0, 0, 0, false, null, null);
        return report;
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route {RouteKey}: the limiter did not answer ({Error}); holding dispatches until it does")]
    private partial void LogLeaseFailed(string routeKey, string error);
}
