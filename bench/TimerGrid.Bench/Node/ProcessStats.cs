using System.Diagnostics;

namespace TimerGrid.Bench.Node;

/// <summary>CPU time, parent and resident memory of a process, read from Linux's /proc.</summary>
internal static class ProcessStats
{
    private static readonly Lazy<double> ClockTicksPerSecond = new(ReadClockTicks);

    /// <summary>User + system CPU seconds the process has used since it started.</summary>
    public static double CpuSeconds(int pid) => Ticks(StatFields(pid), 14) / ClockTicksPerSecond.Value;   // utime + stime

    /// <summary>
    /// CPU seconds of a process and of its children, those running and those that exited: the kernel adds a reaped
    /// child's CPU to its parent's cutime and cstime. A PostgreSQL server is its postmaster and the postmaster's children.
    /// </summary>
    public static double TreeCpuSeconds(int root)
    {
        var own = StatFields(root);
        var ticks = Ticks(own, 14) + Ticks(own, 16);   // its own, and its reaped children's
        foreach (var pid in Pids().Where(pid => pid != root))
        {
            try
            {
                var fields = StatFields(pid);
                if (long.Parse(fields[4 - 3]) == root)   // ppid
                {
                    ticks += Ticks(fields, 14) + Ticks(fields, 16);
                }
            }
            catch (IOException)
            {
                // exited between the listing and the read
            }
        }
        return ticks / ClockTicksPerSecond.Value;
    }

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(name => int.TryParse(name, out var pid) ? pid : 0).Where(pid => pid > 0);

    /// <summary>The parent's pid (PPid), or null when the process is not visible here (another machine, another namespace).</summary>
    public static int? ParentPid(int pid)
    {
        try
        {
            return int.Parse(StatFields(pid)[4 - 3]);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The command name (<c>/proc/&lt;pid&gt;/comm</c>).</summary>
    public static string Command(int pid) => File.ReadAllText($"/proc/{pid}/comm").Trim();

    /// <summary>Resident set size (VmRSS) in bytes.</summary>
    public static long RssBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
        return long.Parse(kib) * 1024;
    }

    /// <summary>The fields of /proc/&lt;pid&gt;/stat from field 3 (state) on: field n is at index n − 3.</summary>
    private static string[] StatFields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces; fields after its ')' start at field 3, state.
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    /// <summary>Field <paramref name="first"/> plus the next one: utime + stime (14), or cutime + cstime (16).</summary>
    private static long Ticks(string[] fields, int first) => long.Parse(fields[first - 3]) + long.Parse(fields[first + 1 - 3]);

    private static double ReadClockTicks()
    {
        using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
        var text = getconf.StandardOutput.ReadToEnd();
        getconf.WaitForExit();
        return double.Parse(text.Trim());
    }
}
