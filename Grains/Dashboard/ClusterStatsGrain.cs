using TimerGrid.Grains.Interfaces.Dashboard;

namespace TimerGrid.Grains.Dashboard;

/// <summary>Keeps each silo's reports of the last hour in memory and sums them up for the dashboard, the cluster's and each route's.</summary>
[GrainType("cluster-stats")]
internal sealed class ClusterStatsGrain(TimeProvider clock) : Grain, IClusterStatsGrain
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    private readonly Dictionary<string, Queue<SiloSample>> _samples = [];
    private readonly RouteMinutes _routes = new();
    private (long? Pending, long? Failed, long At) _jobCounts;

    public Task ReportAsync(SiloSample sample)
    {
        if (!_samples.TryGetValue(sample.Silo, out var samples))
        {
            _samples[sample.Silo] = samples = new Queue<SiloSample>();
        }
        samples.Enqueue(sample with { Routes = [] });   // kept once, by minute, in _routes
        _routes.Add(sample.At, sample.Routes);
        Prune(clock.GetUtcNow().ToUnixTimeMilliseconds());   // also when no one reads: memory stays an hour's worth
        if (sample.PendingJobs is not null && sample.At >= _jobCounts.At)
        {
            _jobCounts = (sample.PendingJobs, sample.FailedJobs, sample.At);
        }
        return Task.CompletedTask;
    }

    public Task<ClusterStats> GetAsync()
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        Prune(now);
        var silos = _samples.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => SampleWindows.Summarize(s.Key, s.Value, now)).ToList();
        return Task.FromResult(new ClusterStats
        {
            Cluster = SampleWindows.Summarize("cluster", _samples.Values.SelectMany(s => s), now),
            Silos = silos,
            PendingJobs = _jobCounts.Pending,
            FailedJobs = _jobCounts.Failed,
        });
    }

    public Task<IReadOnlyList<RouteStats>> GetRoutesAsync(string db)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        Prune(now);
        return Task.FromResult(_routes.Of(db, now));
    }

    private void Prune(long now)
    {
        var cutoff = now - (long)Kept.TotalMilliseconds;
        _routes.Prune(cutoff);
        foreach (var (silo, samples) in _samples)
        {
            while (samples.TryPeek(out var oldest) && oldest.At < cutoff)
            {
                samples.Dequeue();
            }
            if (samples.Count == 0)
            {
                _samples.Remove(silo);
            }
        }
    }
}
