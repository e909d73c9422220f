using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Telemetry;
using TimerGrid.Grains.Interfaces.Dashboard;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Dashboard;

/// <summary>
/// Listens to this silo's own <see cref="TimerGridInstruments"/> (not other silos' in the same process) and counts
/// what the dashboard shows, so the dashboard and <c>/metrics</c> read the same measurements.
/// </summary>
internal sealed class SiloStatsCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Meter _meter;
    private readonly RouteAttempts _routes;
    private readonly long[] _lateness = new long[MillisecondBuckets.Count];
    private long _fires, _delivered, _retried, _failed;

    public SiloStatsCollector(TimerGridInstruments instruments, RouteAttempts routes, IOptions<TelemetryOptions> options)
    {
        _routes = routes;
        _meter = instruments.Meter;
        if (!options.Value.Metrics)
        {
            return;   // the dashboard's figures stay at zero
        }
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == _meter && instrument.Name is InstrumentNames.Fires or InstrumentNames.Deliveries or InstrumentNames.Lateness)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnCount);
        _listener.SetMeasurementEventCallback<double>(OnLateness);
        _listener.Start();
    }

    /// <summary>What was counted since the previous call, for the silo's next report.</summary>
    public SiloSample Take(string silo, long now)
    {
        var lateness = new long[_lateness.Length];
        for (var i = 0; i < lateness.Length; i++)
        {
            lateness[i] = Interlocked.Exchange(ref _lateness[i], 0);
        }
        return new SiloSample
        {
            Silo = silo,
            At = now,
            Fires = Interlocked.Exchange(ref _fires, 0),
            Delivered = Interlocked.Exchange(ref _delivered, 0),
            Retried = Interlocked.Exchange(ref _retried, 0),
            Failed = Interlocked.Exchange(ref _failed, 0),
            Lateness = lateness,
            Routes = _routes.Take(),
        };
    }

    private void OnCount(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == InstrumentNames.Fires)
        {
            Interlocked.Add(ref _fires, value);
            return;
        }
        foreach (var tag in tags)
        {
            if (tag.Key != DeliveryOutcomes.Tag)
            {
                continue;
            }
            switch (tag.Value as string)
            {
                case DeliveryOutcomes.Delivered:
                    Interlocked.Add(ref _delivered, value);
                    break;
                case DeliveryOutcomes.Retry:
                    Interlocked.Add(ref _retried, value);
                    break;
                default:
                    Interlocked.Add(ref _failed, value);
                    break;
            }
            return;
        }
    }

    private void OnLateness(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state) =>
        Interlocked.Increment(ref _lateness[MillisecondBuckets.IndexOf(seconds * 1000)]);

    public void Dispose() => _listener.Dispose();
}
