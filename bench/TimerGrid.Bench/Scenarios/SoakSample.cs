using TimerGrid.Bench.Node;
using TimerGrid.Bench.Targets;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// One window of <see cref="SoakScenario"/>: the node's memory (RSS at its end, and its lowest and highest in samples
/// every few seconds), CPU and files, and from <c>/metrics</c> the time its garbage collector paused the process since
/// it started, the managed heap as the last collection left it and the grain activations in memory. An RSS that saws
/// between collections is the collector's budget; a leak shows as troughs, heap and activations that keep rising.
/// </summary>
internal sealed record SoakSample(
    long FromMs, long LengthMs, long RssBytes, long RssLowBytes, long RssHighBytes, double CpuPct, long DatabaseBytes, long WalBytes,
    double GcPauseSeconds, long HeapBytes, long Activations)
{
    private static readonly TimeSpan RssEvery = TimeSpan.FromSeconds(5);

    /// <summary>Waits out one window, sampling the node's RSS meanwhile, then takes the window's figures.</summary>
    public static async Task<SoakSample> OverWindowAsync(BenchRig rig, DataDirStorage dataDir, long fromMs, TimeSpan window)
    {
        var cpu = CpuSample.Take(rig.Node.Pid);
        var (rss, low, high) = (0L, long.MaxValue, 0L);
        for (var end = DateTime.UtcNow + window; DateTime.UtcNow < end;)
        {
            var left = end - DateTime.UtcNow;
            await Task.Delay(RssEvery < left ? RssEvery : left);
            rss = ProcessStats.RssBytes(rig.Node.Pid);
            (low, high) = (Math.Min(low, rss), Math.Max(high, rss));
        }
        var cpuPct = cpu.PercentUntil(CpuSample.Take(rig.Node.Pid));
        var metrics = await NodeMetrics.ReadAsync(rig.Node.Url);
        return new(fromMs, (long)window.TotalMilliseconds, rss, low, high, cpuPct,
            SizeOf(Path.Combine(dataDir.Path, "timergrid.db")), SizeOf(Path.Combine(dataDir.Path, "timergrid.db-wal")),
            metrics.Sum("dotnet_gc_pause_time_seconds_total"), (long)metrics.Sum("dotnet_gc_last_collection_heap_size_bytes"),
            (long)metrics.Sum("orleans_catalog_activations"));
    }

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    public override string ToString() =>
        $"RSS {RssBytes / 1048576.0:F0} MB ({RssLowBytes / 1048576.0:F0}-{RssHighBytes / 1048576.0:F0}), heap {HeapBytes / 1048576.0:F0} MB, " +
        $"{Activations} activations, CPU {CpuPct:F0} %, db {DatabaseBytes / 1048576.0:F1} MB, WAL {WalBytes / 1048576.0:F1} MB, " +
        $"GC paused {GcPauseSeconds:F2} s in all";
}
