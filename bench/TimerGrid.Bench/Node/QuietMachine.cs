namespace TimerGrid.Bench.Node;

/// <summary>
/// Waits until the machine is quiet, by its one-minute load average: a long creation can run beside other work, and
/// the figures measured after it still come from a quiet machine.
/// </summary>
internal static class QuietMachine
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    public static async Task WaitAsync(double maxLoad)
    {
        var started = DateTime.UtcNow;
        for (var load = OneMinuteLoad(); load >= maxLoad; load = OneMinuteLoad())
        {
            Console.Error.WriteLine($"   waiting for a quiet machine: load average {load:F2}, want below {maxLoad:F2}");
            await Task.Delay(Poll);
        }
        Console.Error.WriteLine($"   the machine is quiet (load average below {maxLoad:F2}) after {(DateTime.UtcNow - started).TotalSeconds:F0} s");
    }

    private static double OneMinuteLoad() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
