using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Dispatch;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Dispatch;

/// <summary>
/// One route's dispatches on this silo. A route without limits whose receiver answers well is not engaged: a dispatch
/// passes at once and nothing calls the route's limiter. A limited route, or one whose receiver pushed back or failed,
/// is engaged: dispatches wait here in due order while a pump (RouteGate.Pump.cs) leases this silo's share of the
/// route's budget from its <see cref="IRouteLimiterGrain"/> and reports the answers. A rate share is spent through a
/// token bucket whose burst is a twentieth of a second of it (at least one dispatch).
/// </summary>
internal sealed partial class RouteGate(
    string routeKey, IRouteLimiterGrain limiter, string silo, CancellationToken stopping, TimeProvider clock, TimerGridInstruments instruments, ILogger<RouteGate> logger)
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<TaskCompletionSource<DispatchPermit>, (long DueAt, long Seq)> _waiting = new();
    private long _seq;
    private int _version = -1;
    /// <summary>The newest route version seen sets limits.</summary>
    private bool _limited;
    private bool _engaged;
    private int _inFlight;
    private long _freeSecond;
    private int _freeThisSecond;
    private int _freeLastSecond;
    /// <summary>A dispatch delivered since the gate disengaged: the failure that engages it again starts a new streak.</summary>
    private bool _freeSuccess;

    /// <summary>Dispatches waiting here for the route's budget.</summary>
    public int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <param name="cancellation">Gives up waiting; the waiter is then skipped, and a permit is never handed to it.</param>
    public Task<DispatchPermit> EnterAsync(RouteView route, long dueAt, CancellationToken cancellation)
    {
        lock (_lock)
        {
            if (route.Version > _version)
            {
                (_version, _limited) = (route.Version, route.Spec.IsLimited);
                _engaged |= _limited;
            }
            if (!_engaged)
            {
                _inFlight++;
                CountFreeLocked();
                return Task.FromResult(new DispatchPermit(this, isProbe: false));
            }
            var waiter = new TaskCompletionSource<DispatchPermit>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter, (dueAt, _seq++));
            DispatchLocked();
            if (!waiter.Task.IsCompleted)
            {
                instruments.DispatchHeld();
                WantLeaseLocked();
                cancellation.Register(() =>
                {
                    lock (_lock)
                    {
                        waiter.TrySetCanceled(cancellation);
                    }
                });
            }
            StartPumpLocked();
            return waiter.Task;
        }
    }

    /// <summary>A dispatch ended: <paramref name="result"/> is null when its permit went unused.</summary>
    public void Ended(DeliveryResult? result, bool probe)
    {
        lock (_lock)
        {
            _inFlight--;
            if (result is not null && !_engaged)
            {
                _freeSuccess |= result.Delivered;
                if (result.Throttled || result.ReceiverDown)
                {
                    // The receiver pushed back or failed: from now on this silo asks the limiter, which sees all silos.
                    _engaged = true;
                    (_dispatched, _hadSuccess, _trailingFailures, _freeSuccess) = (_freeThisSecond + _freeLastSecond, _freeSuccess, 0, false);
                }
            }
            if (_engaged)
            {
                if (_grant.HeldUntil is not null)
                {
                    WakePumpLocked();   // the limiter holds the route and must hear of a probe's or straggler's answer now
                }
                CountLocked(result, probe);
                DispatchLocked();
                StartPumpLocked();
            }
        }
    }

    /// <summary>Starts whatever the grant allows, oldest due first.</summary>
    private void DispatchLocked()
    {
        while (_waiting.Count > 0)
        {
            if (_waiting.Peek().Task.IsCanceled)
            {
                _waiting.Dequeue();
                continue;
            }
            var probe = false;
            if (_probeGranted)
            {
                (_probeGranted, probe) = (false, true);
            }
            else if (!MayStartLocked())
            {
                return;
            }
            _inFlight++;
            _dispatched++;
            _waiting.Dequeue().TrySetResult(new DispatchPermit(this, probe));
        }
    }

    private bool MayStartLocked()
    {
        if (clock.GetUtcNow().ToUnixTimeMilliseconds() - _grantAt > LeaseValidMs)
        {
            return false;   // the limiter did not answer lately: another silo may hold our share, or the limits changed
        }
        if (_grant.Free)
        {
            return true;
        }
        if (_grant.Slots is { } slots && (_inFlight >= slots || _leasing))
        {
            return false;   // while a lease is in flight the limiter counts our in-flight as reported
        }
        if (_grant.Rate is { } rate)
        {
            RefillLocked(rate);
            if (_tokens < 1)
            {
                return false;
            }
            _tokens--;
        }
        return true;
    }

    private void CountFreeLocked()
    {
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        if (second != _freeSecond)
        {
            (_freeLastSecond, _freeThisSecond, _freeSecond) = (second == _freeSecond + 1 ? _freeThisSecond : 0, 0, second);
        }
        _freeThisSecond++;
    }
}
