using TimerGrid.Bench.Node;
using TimerGrid.Bench.Targets;

namespace TimerGrid.Bench.Scenarios;

/// <summary>One window of <see cref="SoakScenario"/>: the node's memory, CPU and files at its end.</summary>
internal sealed record SoakSample(long FromMs, long LengthMs, long RssBytes, double CpuPct, long DatabaseBytes, long WalBytes)
{
    public static SoakSample Take(BenchRig rig, DataDirStorage dataDir, CpuSample windowStart, long fromMs, long lengthMs) => new(
        fromMs, lengthMs, ProcessStats.RssBytes(rig.Node.Pid), windowStart.PercentUntil(CpuSample.Take(rig.Node.Pid)),
        SizeOf(Path.Combine(dataDir.Path, "timergrid.db")), SizeOf(Path.Combine(dataDir.Path, "timergrid.db-wal")));

    private static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    public override string ToString() =>
        $"RSS {RssBytes / 1048576.0:F0} MB, CPU {CpuPct:F0} %, db {DatabaseBytes / 1048576.0:F1} MB, WAL {WalBytes / 1048576.0:F1} MB";
}
