namespace TimerGrid.Grains.Queues;

/// <summary>A silo-wide counter that orders jobs becoming available in the same millisecond.</summary>
internal static class QueueArrival
{
    private static long _last;

    public static long Next() => Interlocked.Increment(ref _last);
}
