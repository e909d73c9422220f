using Microsoft.Extensions.Options;
using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Dispatch;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Dispatch;

/// <summary>
/// One route's cluster-wide dispatch budget (see <see cref="IRouteLimiterGrain"/>). Its state is soft, in memory: the
/// limits come from the route, and a new activation (its silo died) starts with a closed circuit and no adapted rate,
/// which the receiver's next answers restore.
/// </summary>
[GrainType("route-limiter")]
internal sealed partial class RouteLimiterGrain(
    IOptions<DeliveryOptions> options,
    TimerGridInstruments instruments,
    TimeProvider clock,
    ILogger<RouteLimiterGrain> logger) : Grain, IRouteLimiterGrain
{
    /// <summary>A changed limit reaches every silo within a second: the limiter reads its route this often.</summary>
    private const long ReadRouteEveryMs = 900;

    private readonly AdaptiveRate _adaptive = new();
    private readonly CircuitBreaker _circuit = new();
    private readonly SiloShares _silos = new();
    private readonly LastSecond _lastSecond = new();
    private RouteSpec? _spec;
    private int _version = -1;
    private long _routeReadAt = long.MinValue / 2;

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_circuit.IsOpen)
        {
            instruments.CircuitClosed();   // the gauge counts open circuits of live activations
        }
        return Task.CompletedTask;
    }

    public async Task<DispatchGrant> LeaseAsync(DispatchReport report)
    {
        var now = Now();
        if (report.RouteVersion > _version || now - _routeReadAt >= ReadRouteEveryMs)
        {
            await ReadRouteAsync();
            now = Now();
        }
        Learn(report, now);
        var hold = _circuit.IsOpen || _adaptive.IsPaused(now);
        var rate = hold ? 0 : _adaptive.Current ?? _spec?.MaxDispatchesPerSecond;
        var slots = hold ? 0 : _spec?.MaxConcurrentDispatches;
        var (rateShare, slotShare) = _silos.Assign(report.Silo, report.Queued, report.InFlight, report.Dispatched, rate, slots, now);
        if (hold)
        {
            var probeTimeout = options.Value.AttemptTimeout * 2;
            var probe = report.Queued > 0 && _circuit.TryStartProbe(now, probeTimeout);
            return DispatchGrant.Hold(probe, _circuit.NextProbeAt(probeTimeout) ?? _adaptive.PausedUntil);
        }
        return rateShare is null && slotShare is null ? DispatchGrant.Unlimited : new DispatchGrant(false, rateShare, slotShare, false);
    }

    public Task<RouteDispatchStatus> GetStatusAsync()
    {
        var now = Now();
        var state = _circuit.IsOpen ? DispatchState.OpenCircuit
            : _adaptive.IsPaused(now) || _adaptive.Current is not null ? DispatchState.Throttled
            : DispatchState.Dispatching;
        var rate = _adaptive.IsPaused(now) ? 0 : _adaptive.Current ?? _spec?.MaxDispatchesPerSecond;
        return Task.FromResult(new RouteDispatchStatus(state, rate, _spec?.MaxConcurrentDispatches, _silos.Backlog));
    }

    /// <summary>Feeds a silo's answers to the circuit and the adaptive rate.</summary>
    private void Learn(DispatchReport report, long now)
    {
        var key = this.GetPrimaryKeyString();
        _lastSecond.Add(now, report.Dispatched, report.Succeeded);
        var wasOpen = _circuit.IsOpen;
        if (report.ProbeAnswered is { } answered)
        {
            _circuit.ProbeEnded(answered, now, options.Value.CircuitProbeMaxDelay);
        }
        var threshold = _spec?.CircuitBreakerThreshold ?? options.Value.CircuitBreakerThreshold;
        _circuit.Record(report.Succeeded, report.Failed, report.TrailingFailures, threshold, now);
        if (_circuit.IsOpen != wasOpen)
        {
            if (_circuit.IsOpen)
            {
                instruments.CircuitOpened();
                LogCircuitOpened(key, threshold);
            }
            else
            {
                instruments.CircuitClosed();
                LogCircuitClosed(key);
            }
        }
        if (report.Throttled > 0)
        {
            _adaptive.Throttled(now, _spec?.MaxDispatchesPerSecond, _lastSecond.Sent, _lastSecond.Delivered, report.RetryAfter, options.Value.RetryMaxDelay);
            LogThrottled(key, _adaptive.Current ?? 0, report.RetryAfter?.TotalSeconds);
        }
        else if (report.Succeeded > 0)
        {
            _adaptive.Answered(now, _spec?.MaxDispatchesPerSecond);
        }
    }

    private async Task ReadRouteAsync()
    {
        var route = await GrainFactory.GetGrain<IRouteGrain>(this.GetPrimaryKeyString()).GetAsync();
        (_spec, _version, _routeReadAt) = (route?.Spec, route?.Version ?? 0, Now());
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route {RouteKey}: circuit opened after {Threshold} consecutive failures; probing")]
    private partial void LogCircuitOpened(string routeKey, int threshold);

    [LoggerMessage(Level = LogLevel.Information, Message = "Route {RouteKey}: circuit closed, the receiver answers again")]
    private partial void LogCircuitClosed(string routeKey);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Route {RouteKey}: receiver pushed back; rate now {Rate}/s, Retry-After {RetryAfterSeconds} s")]
    private partial void LogThrottled(string routeKey, double rate, double? retryAfterSeconds);
}
