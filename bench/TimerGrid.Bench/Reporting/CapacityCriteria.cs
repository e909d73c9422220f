using System.Globalization;

namespace TimerGrid.Bench.Reporting;

/// <summary>
/// When a step of the <c>capacity</c> ramp counts as sustained: every job created (none skipped, none
/// failed), every acknowledged one fired, lateness p99 under 100 ms.
/// </summary>
internal static class CapacityCriteria
{
    public const double MaxP99Ms = 100;

    /// <summary>What kept <paramref name="step"/> from passing; empty if it passed.</summary>
    public static IReadOnlyList<string> Shortfalls(Report step)
    {
        var shortfalls = new List<string>();
        var p99 = step.Figure("lateness_p99_ms");
        if (p99 is null)
        {
            shortfalls.Add("nothing fired");
        }
        else if (p99 >= MaxP99Ms)
        {
            shortfalls.Add($"p99 {ResultsTable.Format(p99.Value)} ms ≥ {MaxP99Ms.ToString(CultureInfo.InvariantCulture)} ms");
        }
        foreach (var (key, what) in new[] { ("skipped", "skipped"), ("missing", "missing"), ("errors", "creations failed") })
        {
            if (step.Figure(key) is { } count && count > 0)
            {
                shortfalls.Add($"{ResultsTable.Format(count)} {what}");
            }
        }
        return shortfalls;
    }

    /// <summary>"passed", or why not.</summary>
    public static string Verdict(Report step) => Shortfalls(step) is { Count: > 0 } shortfalls ? string.Join(", ", shortfalls) : "passed";

    /// <summary>The node's CPU while it both created and fired, or over the whole step when that window was too short to exist.</summary>
    public static double? NodeCpu(Report step) => step.Figure("node_cpu_create_and_fire_pct") ?? step.Figure("node_cpu_run_pct");
}
