using System.Diagnostics;

namespace TimerGrid.Bench.Node;

/// <summary>The CPU seconds of a process, or of a target's processes together, at a moment, to measure CPU use over a window.</summary>
internal readonly record struct CpuSample(double CpuSeconds, long Timestamp)
{
    public static CpuSample Take(params IEnumerable<int> pids) => new(pids.Sum(ProcessStats.CpuSeconds), Stopwatch.GetTimestamp());

    /// <summary>CPU used since this sample, in percent of one core (200 % = both of two cores busy).</summary>
    public double PercentUntil(CpuSample later) =>
        100 * (later.CpuSeconds - CpuSeconds) / Stopwatch.GetElapsedTime(Timestamp, later.Timestamp).TotalSeconds;

    /// <summary>The process's CPU use over the next <paramref name="window"/>, in percent of one core.</summary>
    public static async Task<double> OverAsync(int pid, TimeSpan window)
    {
        var from = Take(pid);
        await Task.Delay(window);
        return from.PercentUntil(Take(pid));
    }
}
