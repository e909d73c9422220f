namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>The documented bounds of the seed-002 surface.</summary>
public static class QueueLimits
{
    /// <summary>The lowest (first served) priority.</summary>
    public const int MinPriority = 0;
    /// <summary>The highest (last served) priority.</summary>
    public const int MaxPriority = 3;
    /// <summary>The priority of a job that names none (the seed's own example shows 1).</summary>
    public const int DefaultPriority = 1;
    /// <summary>The longest <c>X-Accepted-Block-For</c> and <c>X-Accepted-Wait-Result</c>, in seconds.</summary>
    public const int MaxWaitSeconds = 300;
    /// <summary>The longest delay, result TTL, job timeout and visibility timeout, in seconds (one year).</summary>
    public const long MaxSeconds = 366L * 24 * 3600;
    /// <summary>One grain call waits at most this long; longer waits are made of several calls (Orleans' response timeout is 30 s).</summary>
    public static readonly TimeSpan MaxWaitPerCall = TimeSpan.FromSeconds(15);
}
