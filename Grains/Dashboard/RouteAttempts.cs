using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Dashboard;
using TimerGrid.Grains.Interfaces.Telemetry;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Dashboard;

/// <summary>
/// Each route's delivery attempts on this silo since the last report, for the dashboard's routes page. Not a metric
/// tag: one series per route would be unbounded in Prometheus. At most <see cref="MaxRoutes"/> routes between two
/// reports; a db's further routes count together as <see cref="RouteSample.OtherRoutes"/>.
/// </summary>
internal sealed class RouteAttempts(IOptions<TelemetryOptions> options) : IDeliveryAttemptListener
{
    public const int MaxRoutes = 1000;

    private readonly bool _counting = options.Value.Metrics;
    private readonly Lock _lock = new();
    private Dictionary<(string Db, string Route), Counts> _routes = [];

    public void AttemptEnded(string db, string route, string outcome, double milliseconds)
    {
        if (!_counting)
        {
            return;   // metrics off: the routes page shows no figures
        }
        lock (_lock)
        {
            CountsOf(db, route).Add(outcome, MillisecondBuckets.IndexOf(milliseconds));
        }
    }

    /// <summary>What was counted since the previous call.</summary>
    public IReadOnlyList<RouteSample> Take()
    {
        Dictionary<(string Db, string Route), Counts> taken;
        lock (_lock)
        {
            (taken, _routes) = (_routes, []);
        }
        return taken.Select(r => new RouteSample
        {
            Db = r.Key.Db,
            Route = r.Key.Route,
            Delivered = r.Value.Delivered,
            Retried = r.Value.Retried,
            Failed = r.Value.Failed,
            Latency = r.Value.Latency,
        }).ToList();
    }

    private Counts CountsOf(string db, string route)
    {
        if (_routes.TryGetValue((db, route), out var counts))
        {
            return counts;
        }
        if (_routes.Count >= MaxRoutes)
        {
            route = RouteSample.OtherRoutes;
            if (_routes.TryGetValue((db, route), out counts))
            {
                return counts;
            }
        }
        return _routes[(db, route)] = new Counts();
    }

    private sealed class Counts
    {
        public long Delivered, Retried, Failed;
        public readonly long[] Latency = new long[MillisecondBuckets.Count];

        public void Add(string outcome, int bucket)
        {
            switch (outcome)
            {
                case DeliveryOutcomes.Delivered:
                    Delivered++;
                    break;
                case DeliveryOutcomes.Retry:
                    Retried++;
                    break;
                default:
                    Failed++;
                    break;
            }
            Latency[bucket]++;
        }
    }
}
