using TimerGrid.Grains.Interfaces.Dashboard;

namespace TimerGrid.Grains.Dashboard;

/// <summary>Each route's delivery attempts minute by minute, summed over the silos' reports, for the routes page.</summary>
internal sealed class RouteMinutes
{
    private const long Minute = 60_000;
    private const int RecentMinutes = 5;

    private readonly Dictionary<long, Dictionary<(string Db, string Route), Tally>> _minutes = [];

    public void Add(long at, IReadOnlyList<RouteSample> routes)
    {
        if (routes.Count == 0)
        {
            return;
        }
        var start = at - at % Minute;
        if (!_minutes.TryGetValue(start, out var minute))
        {
            _minutes[start] = minute = [];
        }
        foreach (var route in routes)
        {
            if (!minute.TryGetValue((route.Db, route.Route), out var tally))
            {
                minute[(route.Db, route.Route)] = tally = new Tally();
            }
            tally.Add(route.Delivered, route.Retried, route.Failed, route.Latency);
        }
    }

    /// <summary>Forgets the minutes that started before <paramref name="cutoff"/>.</summary>
    public void Prune(long cutoff)
    {
        foreach (var start in _minutes.Keys.Where(start => start + Minute <= cutoff).ToList())
        {
            _minutes.Remove(start);
        }
    }

    /// <summary>The routes of <paramref name="db"/> with attempts in the minutes kept, by id.</summary>
    public IReadOnlyList<RouteStats> Of(string db, long now)
    {
        var recentFrom = now - now % Minute - (RecentMinutes - 1) * Minute;
        var routes = new SortedDictionary<string, (Tally Recent, Tally Hour)>(StringComparer.Ordinal);
        foreach (var (start, minute) in _minutes)
        {
            foreach (var ((routeDb, route), tally) in minute)
            {
                if (routeDb != db)
                {
                    continue;
                }
                if (!routes.TryGetValue(route, out var sums))
                {
                    routes[route] = sums = (new Tally(), new Tally());
                }
                sums.Hour.Add(tally);
                if (start >= recentFrom)
                {
                    sums.Recent.Add(tally);
                }
            }
        }
        return routes.Select(r => new RouteStats { Route = r.Key, LastFiveMinutes = r.Value.Recent.Window(), LastHour = r.Value.Hour.Window() }).ToList();
    }

    private sealed class Tally
    {
        private long _delivered, _retried, _failed;
        private readonly long[] _latency = new long[MillisecondBuckets.Count];

        public void Add(Tally other) => Add(other._delivered, other._retried, other._failed, other._latency);

        public void Add(long delivered, long retried, long failed, long[] latency)
        {
            (_delivered, _retried, _failed) = (_delivered + delivered, _retried + retried, _failed + failed);
            for (var i = 0; i < _latency.Length && i < latency.Length; i++)
            {
                _latency[i] += latency[i];
            }
        }

        public DeliveryWindow Window() => new()
        {
            Delivered = _delivered,
            Retried = _retried,
            Failed = _failed,
            LatencyP50Ms = MillisecondBuckets.Percentile(_latency, 0.5),
            LatencyP99Ms = MillisecondBuckets.Percentile(_latency, 0.99),
        };
    }
}
