using System.Diagnostics;

namespace TimerGrid.Tests.Fixtures;

/// <summary>
/// What a test run starts is gone when the run ends, however it ends: a normal exit, a crash, or a runner that kills
/// the test process. A watchdog outside the process tree (<c>setsid -f</c>, so a kill of the tree misses it) waits for
/// this process to end, then runs the shell lines registered meanwhile: stop a server, kill a node, remove a folder.
/// Fixtures still clean up as they go; this is the net under them.
/// </summary>
internal static class RunCleanup
{
    private static readonly string Script = Path.Combine(Path.GetTempPath(), $"timergrid-cleanup-{Environment.ProcessId}.sh");
    private static readonly Lazy<object> Watchdog = new(StartWatchdog);

    /// <summary>A shell line run once this process has ended; it must be harmless if its work is already done.</summary>
    public static void Register(string shellLine)
    {
        lock (Watchdog.Value)
        {
            File.AppendAllText(Script, shellLine + "\n");
        }
    }

    /// <summary>Kills the process at exit if it still runs then and is still the one started (a pid can be reused).</summary>
    public static void KillAtExit(Process process, string commandLineMark) =>
        Register($"grep -qa {Quote(commandLineMark)} /proc/{process.Id}/cmdline 2>/dev/null && kill -9 {process.Id}");

    public static void RemoveAtExit(string path) => Register($"rm -rf {Quote(path)}");

    public static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";

    private static object StartWatchdog()
    {
        File.WriteAllText(Script, "");
        var watch = $"while [ -d /proc/{Environment.ProcessId} ]; do sleep 1; done; sh {Quote(Script)} >/dev/null 2>&1; rm -f {Quote(Script)}";
        var info = new ProcessStartInfo("setsid") { ArgumentList = { "-f", "sh", "-c", watch }, RedirectStandardOutput = true, RedirectStandardError = true };
        using var setsid = Process.Start(info)!;
        setsid.WaitForExit();
        return new object();
    }
}
