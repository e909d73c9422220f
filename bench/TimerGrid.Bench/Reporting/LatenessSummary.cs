namespace TimerGrid.Bench.Reporting;

/// <summary>Percentiles of lateness (arrival − trigger time, ms), nearest rank on the sorted values.</summary>
internal sealed record LatenessSummary(double P50, double P99, double P999, double Max)
{
    public static LatenessSummary? Of(IEnumerable<double> latenessMs)
    {
        var sorted = latenessMs.Order().ToArray();
        return sorted.Length == 0 ? null : new(Rank(sorted, 0.50), Rank(sorted, 0.99), Rank(sorted, 0.999), sorted[^1]);
    }

    private static double Rank(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
