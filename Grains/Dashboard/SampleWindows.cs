using TimerGrid.Grains.Interfaces.Dashboard;

namespace TimerGrid.Grains.Dashboard;

/// <summary>Sums silo samples over the last minute, the last hour and each minute of it.</summary>
internal static class SampleWindows
{
    private const long Minute = 60_000, Hour = 60 * Minute;

    public static SiloStats Summarize(string silo, IEnumerable<SiloSample> samples, long now)
    {
        var all = samples.ToList();
        var thisMinute = now - now % Minute;
        return new SiloStats
        {
            Silo = silo,
            LastReport = all.Count == 0 ? 0 : all.Max(s => s.At),
            LastMinute = Window(all.Where(s => s.At > now - Minute).ToList(), now, Minute),
            LastHour = Window(all, now, Hour),
            Minutes = Enumerable.Range(0, 60).Select(i => thisMinute - (59 - i) * Minute).Select(start =>
            {
                var inMinute = all.Where(s => s.At >= start && s.At < start + Minute).ToList();
                return new MinuteStats { Start = start, Fires = inMinute.Sum(s => s.Fires), LatenessP99Ms = MillisecondBuckets.Percentile(Lateness(inMinute), 0.99) };
            }).ToList(),
        };
    }

    private static WindowStats Window(List<SiloSample> samples, long now, long length)
    {
        if (samples.Count == 0)
        {
            return new WindowStats();
        }
        // Before a full window of reports exists, average over the time they cover.
        var covered = Math.Min(length, now - samples.Min(s => s.At) + (long)SiloStatsReporter.Interval.TotalMilliseconds);
        var lateness = Lateness(samples);
        return new WindowStats
        {
            FiresPerSecond = samples.Sum(s => s.Fires) * 1000.0 / covered,
            Delivered = samples.Sum(s => s.Delivered),
            Retried = samples.Sum(s => s.Retried),
            Failed = samples.Sum(s => s.Failed),
            LatenessP50Ms = MillisecondBuckets.Percentile(lateness, 0.5),
            LatenessP99Ms = MillisecondBuckets.Percentile(lateness, 0.99),
        };
    }

    private static long[] Lateness(List<SiloSample> samples)
    {
        var counts = new long[MillisecondBuckets.Count];
        foreach (var sample in samples)
        {
            for (var i = 0; i < counts.Length && i < sample.Lateness.Length; i++)
            {
                counts[i] += sample.Lateness[i];
            }
        }
        return counts;
    }
}
