using System.Diagnostics.Metrics;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Testing.Clock;

/// <summary>
/// Delivery attempts under way on the test host, read from the silo's own instruments: an attempt starts as a fire or
/// a retry and ends as a delivery outcome, whatever its route type (webhook, queue, grain).
/// </summary>
internal sealed class AttemptsInFlight : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _started;
    private long _ended;

    public AttemptsInFlight(TimerGridInstruments instruments)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == instruments.Meter && instrument.Name is InstrumentNames.Fires or InstrumentNames.Retries or InstrumentNames.Deliveries)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            Interlocked.Add(ref instrument.Name == InstrumentNames.Deliveries ? ref _ended : ref _started, value));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _started) - Interlocked.Read(ref _ended);

    /// <summary>Attempts that ended so far: a change means the firings made progress.</summary>
    public long Ended => Interlocked.Read(ref _ended);

    public void Dispose() => _listener.Dispose();
}
