namespace TimerGrid.Grains.Dispatch;

/// <summary>
/// Each silo's share of one route's rate and concurrency, in the route's limiter. Shares follow demand: a silo counts
/// with the dispatches it has waiting or started since its last call (and, for concurrency, has in flight), up to what
/// it could start in a fifth of a second (rate) or the whole limit (concurrency). A silo's share changes only on its own call, and a new share comes only out of what the others do
/// not hold, so the shares silos act on never add up to more than the limit. A silo that stops calling (it died)
/// loses its share after <see cref="ExpireAfterMs"/>.
/// </summary>
internal sealed class SiloShares
{
    public const long ExpireAfterMs = 3000;

    private readonly Dictionary<string, Share> _silos = [];

    /// <summary>Dispatches waiting on all silos, as they last reported.</summary>
    public int Backlog => _silos.Values.Sum(s => s.Queued);

    /// <summary>Records the calling silo's demand and sets its share of <paramref name="rate"/> and <paramref name="slots"/> (null: not limited).</summary>
    /// <param name="started">Dispatches the silo started since its last call: a steady trickle keeps its share.</param>
    public (double? Rate, int? Slots) Assign(string silo, int queued, int inFlight, int started, double? rate, int? slots, long now)
    {
        foreach (var stale in _silos.Where(s => now - s.Value.SeenAt > ExpireAfterMs).Select(s => s.Key).ToList())
        {
            _silos.Remove(stale);
        }
        if (!_silos.TryGetValue(silo, out var mine))
        {
            _silos[silo] = mine = new Share();
        }
        (mine.SeenAt, mine.Queued, mine.InFlight, mine.Started) = (now, queued, inFlight, started);
        mine.Rate = rate is { } total ? RateShare(mine, total) : 0;
        mine.Slots = slots is { } count ? SlotShare(silo, mine, count) : 0;
        return (rate is null ? null : mine.Rate, slots is null ? null : mine.Slots);
    }

    private double RateShare(Share mine, double total)
    {
        var cap = Math.Max(1, total / 5);
        double Weight(Share s) => Math.Min(s.Queued + s.Started, cap);
        var weights = _silos.Values.Sum(Weight);
        var target = weights > 0 ? total * Weight(mine) / weights : 0;
        var others = _silos.Values.Where(s => s != mine).Sum(s => s.Rate);
        return Math.Max(0, Math.Min(target, total - others));
    }

    /// <summary>Whole slots by largest remainder, ties by silo name; a slot another silo holds or uses is not free.</summary>
    private int SlotShare(string silo, Share mine, int count)
    {
        int Weight(Share s) => Math.Min(s.Queued + s.InFlight + s.Started, count);
        var weights = _silos.Values.Sum(Weight);
        if (weights == 0 || Weight(mine) == 0)
        {
            return 0;
        }
        var exact = _silos.ToDictionary(s => s.Key, s => (double)count * Weight(s.Value) / weights);
        var targets = exact.ToDictionary(e => e.Key, e => (int)Math.Floor(e.Value));
        var left = count - targets.Values.Sum();
        foreach (var key in exact.OrderByDescending(e => e.Value - Math.Floor(e.Value)).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key).Take(left))
        {
            targets[key]++;
        }
        var held = _silos.Values.Where(s => s != mine).Sum(s => Math.Max(s.Slots, s.InFlight));
        return Math.Max(0, Math.Min(Math.Max(targets[silo], 1), count - held));
    }

    private sealed class Share
    {
        public long SeenAt { get; set; }
        public int Queued { get; set; }
        public int InFlight { get; set; }
        public int Started { get; set; }
        public double Rate { get; set; }
        public int Slots { get; set; }
    }
}
