using System.Diagnostics;
using System.Diagnostics.Metrics;
using TimerGrid.Grains.Interfaces.Telemetry;

namespace TimerGrid.Grains.Telemetry;

/// <summary>
/// Every <c>timergrid.*</c> instrument of a silo, recorded where things happen (Orleans' ReminderInstruments is the
/// model). The firing path records with tags of constant strings in a <see cref="TagList"/>: nothing is allocated per
/// fire, and an instrument nobody listens to costs a branch.
/// </summary>
internal sealed class TimerGridInstruments
{
    /// <summary>Bucket bounds (seconds) for lateness and delivery duration: 1 ms to a minute.</summary>
    public static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Counter<long> _created;
    private readonly Counter<long> _updated;
    private readonly Counter<long> _deleted;
    private readonly Counter<long> _expired;
    private readonly Counter<long> _fires;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _lateness;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _caughtUp;
    private readonly Histogram<double> _catchUpDuration;
    private readonly Histogram<double> _reminderRefresh;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _held;
    private readonly Counter<long> _circuitsOpened;
    private int _circuitsOpen;
    private readonly IDeliveryAttemptListener[] _attemptListeners;

    public TimerGridInstruments(IMeterFactory meters, StoredJobCounts storedJobs, IEnumerable<IDeliveryAttemptListener> attemptListeners)
    {
        _attemptListeners = [.. attemptListeners];
        Meter = meters.Create(TelemetryNames.Meter);
        _created = Meter.CreateCounter<long>(InstrumentNames.JobsCreated, "{job}", "Jobs created");
        _updated = Meter.CreateCounter<long>(InstrumentNames.JobsUpdated, "{job}", "Jobs replaced, patched, paused or resumed");
        _deleted = Meter.CreateCounter<long>(InstrumentNames.JobsDeleted, "{job}", "Jobs deleted (or queued for deletion)");
        _expired = Meter.CreateCounter<long>(InstrumentNames.JobsExpired, "{job}", "Finished jobs deleted by retention (Jobs:FinishedRetention)");
        _fires = Meter.CreateCounter<long>(InstrumentNames.Fires, "{fire}", "Executions started: the first attempt of an occurrence, a run-now or a replay");
        _retries = Meter.CreateCounter<long>(InstrumentNames.Retries, "{attempt}", "Delivery attempts after the first of an execution");
        _deliveries = Meter.CreateCounter<long>(InstrumentNames.Deliveries, "{attempt}", "Delivery attempts by outcome (delivered, retry, failed) and HTTP status class");
        _deadLettered = Meter.CreateCounter<long>(InstrumentNames.DeadLettered, "{job}", "Jobs that ended failed (dead-lettered) after their last attempt");
        _throttled = Meter.CreateCounter<long>(InstrumentNames.Throttled, "{attempt}", "Delivery attempts the receiver answered 429 or 503: they slow the whole route");
        _held = Meter.CreateCounter<long>(InstrumentNames.DispatchesHeld, "{attempt}", "Delivery attempts that waited for their route's rate, concurrency, back-off or circuit");
        _circuitsOpened = Meter.CreateCounter<long>(InstrumentNames.CircuitsOpened, "{circuit}", "Times a route's circuit opened after consecutive failures");
        Meter.CreateObservableGauge(InstrumentNames.CircuitsOpen, () => Volatile.Read(ref _circuitsOpen), "{circuit}", "Routes whose circuit is open, among the route limiters this silo hosts");
        _lateness = SecondsHistogram(InstrumentNames.Lateness, "From an execution's scheduled time to the start of its first attempt");
        _duration = SecondsHistogram(InstrumentNames.DeliveryDuration, "One delivery attempt, request to answer");
        _caughtUp = Meter.CreateCounter<long>(InstrumentNames.CatchUpWoken, "{job}", "Due jobs woken from their state rows, by reason (start-up, sweep, silo death)");
        _catchUpDuration = SecondsHistogram(InstrumentNames.CatchUpDuration, "One catch-up or sweep that found due jobs, query to last wake");
        _reminderRefresh = SecondsHistogram(InstrumentNames.ReminderRefreshDuration, "One read of the silo's range of the reminder table (start-up, periodic refresh, range change)");
        Meter.CreateObservableGauge(InstrumentNames.JobsPending, storedJobs.Pending, "{job}", "Scheduled jobs in storage, cluster-wide (every silo reports the same figure)");
        Meter.CreateObservableGauge(InstrumentNames.JobsFailed, storedJobs.Failed, "{job}", "Failed (dead-lettered) jobs in storage, cluster-wide (every silo reports the same figure)");
    }

    /// <summary>The silo's meter; the dashboard's per-silo figures listen to it alone (and to <see cref="IDeliveryAttemptListener"/> per route).</summary>
    public Meter Meter { get; }

    public void JobCreated() => _created.Add(1);

    public void JobUpdated() => _updated.Add(1);

    public void JobDeleted() => _deleted.Add(1);

    public void JobExpired() => _expired.Add(1);

    /// <summary>An attempt starts: a first attempt counts as a fire and records its lateness, a later one as a retry.</summary>
    public void AttemptStarted(int attempt, long latenessMs)
    {
        if (attempt > 1)
        {
            _retries.Add(1);
            return;
        }
        _fires.Add(1);
        _lateness.Record(Math.Max(0, latenessMs) / 1000.0);
    }

    /// <summary>An attempt through route <paramref name="route"/> of <paramref name="db"/> ended with <paramref name="outcome"/> (one of <see cref="DeliveryOutcomes"/>).</summary>
    public void AttemptEnded(string db, string route, string outcome, int? httpStatus, double durationSeconds)
    {
        var tags = new TagList { { DeliveryOutcomes.Tag, outcome }, { DeliveryOutcomes.StatusClassTag, StatusClass(httpStatus) } };
        _deliveries.Add(1, tags);
        _duration.Record(durationSeconds, tags);
        foreach (var listener in _attemptListeners)
        {
            listener.AttemptEnded(db, route, outcome, durationSeconds * 1000);
        }
    }

    public void DeadLettered() => _deadLettered.Add(1);

    public void Throttled() => _throttled.Add(1);

    public void DispatchHeld() => _held.Add(1);

    public void CircuitOpened()
    {
        _circuitsOpened.Add(1);
        Interlocked.Increment(ref _circuitsOpen);
    }

    public void CircuitClosed() => Interlocked.Decrement(ref _circuitsOpen);

    public void CaughtUp(string reason, int count, double durationSeconds)
    {
        var tags = new TagList { { "reason", reason } };
        _caughtUp.Add(count, tags);
        _catchUpDuration.Record(durationSeconds, tags);
    }

    public void ReminderTableRead(double durationSeconds) => _reminderRefresh.Record(durationSeconds);

    private Histogram<double> SecondsHistogram(string name, string description) =>
        Meter.CreateHistogram<double>(name, "s", description, tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    private static string StatusClass(int? status) => status switch
    {
        null => "none",
        < 200 => "1xx",
        < 300 => "2xx",
        < 400 => "3xx",
        < 500 => "4xx",
        _ => "5xx",
    };
}
