using System.Globalization;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Targets;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// One window of <see cref="SoakScenario"/>: the node's memory, CPU and files at its end, and the time its garbage
/// collector paused the process since it started (the runtime's <c>dotnet.gc.pause.time</c> on <c>/metrics</c>).
/// </summary>
internal sealed record SoakSample(long FromMs, long LengthMs, long RssBytes, double CpuPct, long DatabaseBytes, long WalBytes, double GcPauseSeconds)
{
    private const string GcPauseMetric = "dotnet_gc_pause_time_seconds_total";

    public static async Task<SoakSample> TakeAsync(BenchRig rig, DataDirStorage dataDir, CpuSample windowStart, long fromMs, long lengthMs) => new(
        fromMs, lengthMs, ProcessStats.RssBytes(rig.Node.Pid), windowStart.PercentUntil(CpuSample.Take(rig.Node.Pid)),
        SizeOf(Path.Combine(dataDir.Path, "timergrid.db")), SizeOf(Path.Combine(dataDir.Path, "timergrid.db-wal")),
        await GcPauseSecondsAsync(rig.Node.Url));

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static async Task<double> GcPauseSecondsAsync(Uri node)
    {
        using var http = new HttpClient { BaseAddress = node };
        var line = (await http.GetStringAsync("/metrics")).Split('\n').FirstOrDefault(l => l.StartsWith(GcPauseMetric, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"the node's /metrics has no {GcPauseMetric}");
        return double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
    }

    public override string ToString() =>
        $"RSS {RssBytes / 1048576.0:F0} MB, CPU {CpuPct:F0} %, db {DatabaseBytes / 1048576.0:F1} MB, WAL {WalBytes / 1048576.0:F1} MB, " +
        $"GC paused {GcPauseSeconds:F2} s in all";
}
