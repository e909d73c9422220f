namespace TimerGrid.Bench;

/// <summary>Wall-clock time as epoch milliseconds, the unit of <c>trigger_time</c>; the node runs on the same clock.</summary>
internal static class EpochClock
{
    /// <summary>Sub-millisecond precision (100 ns ticks), for lateness.</summary>
    public static double NowPrecise => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>Waits until the epoch millisecond <paramref name="at"/> (at once if it has passed).</summary>
    public static Task UntilAsync(long at)
    {
        var wait = at - Now;
        return wait > 0 ? Task.Delay(TimeSpan.FromMilliseconds(wait)) : Task.CompletedTask;
    }
}
