namespace TimerGrid.Tests.Fixtures;

/// <summary>Rates as a receiver sees them: the most arrivals any sliding window held.</summary>
public static class ArrivalWindows
{
    /// <param name="sortedMs">Arrival times in ms, in order.</param>
    public static int MaxIn(IReadOnlyList<long> sortedMs, long windowMs = 1000)
    {
        var max = 0;
        for (int start = 0, end = 0; end < sortedMs.Count; end++)
        {
            while (sortedMs[end] - sortedMs[start] >= windowMs)
            {
                start++;
            }
            max = Math.Max(max, end - start + 1);
        }
        return max;
    }
}
