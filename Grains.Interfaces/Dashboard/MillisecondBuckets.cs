namespace TimerGrid.Grains.Interfaces.Dashboard;

/// <summary>The millisecond buckets of the dashboard's lateness and latency figures; a percentile is read as the upper bound of its bucket.</summary>
public static class MillisecondBuckets
{
    /// <summary>Upper bounds in ms; a last bucket beyond them counts everything later.</summary>
    public static readonly long[] UpperBoundsMs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

    /// <summary>How many buckets a count array has.</summary>
    public static int Count => UpperBoundsMs.Length + 1;

    /// <summary>The bucket of a lateness or latency.</summary>
    public static int IndexOf(double milliseconds)
    {
        var index = 0;
        while (index < UpperBoundsMs.Length && milliseconds > UpperBoundsMs[index])
        {
            index++;
        }
        return index;
    }

    /// <summary>The upper bound (ms) of the bucket holding the <paramref name="quantile"/>; null without counts; long.MaxValue beyond the last bound.</summary>
    public static long? Percentile(long[] counts, double quantile)
    {
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }
        var rank = (long)Math.Ceiling(total * quantile);
        long seen = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return i < UpperBoundsMs.Length ? UpperBoundsMs[i] : long.MaxValue;
            }
        }
        return long.MaxValue;
    }
}
