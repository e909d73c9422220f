using System.Diagnostics;

namespace TimerGrid.Bench.Node;

/// <summary>CPU time and resident memory of a process, read from Linux's /proc.</summary>
internal static class ProcessStats
{
    private static readonly Lazy<double> ClockTicksPerSecond = new(ReadClockTicks);

    /// <summary>User + system CPU seconds the process has used since it started.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces; fields after its ')' start at field 3, state.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[14 - 3]) + long.Parse(fields[15 - 3]);   // utime, stime
        return ticks / ClockTicksPerSecond.Value;
    }

    /// <summary>Resident set size (VmRSS) in bytes.</summary>
    public static long RssBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
        return long.Parse(kib) * 1024;
    }

    private static double ReadClockTicks()
    {
        using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
        var text = getconf.StandardOutput.ReadToEnd();
        getconf.WaitForExit();
        return double.Parse(text.Trim());
    }
}
