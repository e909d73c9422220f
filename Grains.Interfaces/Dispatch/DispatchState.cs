namespace TimerGrid.Grains.Interfaces.Dispatch;

/// <summary>How a route dispatches now.</summary>
[GenerateSerializer, Alias("tg.DispatchState")]
public enum DispatchState
{
    /// <summary>At its configured limits, or freely.</summary>
    Dispatching,
    /// <summary>Slowed by its receiver: a Retry-After pause or an adaptive rate below the configured one.</summary>
    Throttled,
    /// <summary>The receiver failed too often in a row: only one probe at a time goes out.</summary>
    OpenCircuit,
}
