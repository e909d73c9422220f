using TimerGrid.Grains.Delivery;

namespace TimerGrid.Grains.Dispatch;

/// <summary>Leave to start one dispatch of a route. Tell it how the dispatch went, or dispose of it unused.</summary>
internal sealed class DispatchPermit(RouteGate? gate, bool isProbe) : IDisposable
{
    /// <summary>For a firing whose route is gone: there is nothing to hold back or learn from.</summary>
    public static readonly DispatchPermit None = new(null, false);

    private RouteGate? _gate = gate;

    /// <summary>The one dispatch an open circuit lets through to find out whether the receiver is back.</summary>
    public bool IsProbe => isProbe;

    public void Complete(DeliveryResult result) => Interlocked.Exchange(ref _gate, null)?.Ended(result, isProbe);

    public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Ended(null, isProbe);
}
