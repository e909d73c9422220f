using System.Globalization;
using System.Text;

namespace TimerGrid.Bench.Reporting;

/// <summary>A markdown table per scenario, one row per target: the common figures in columns, the scenario's own in the last one.</summary>
internal static class ResultsTable
{
    private static readonly (string Key, string Title)[] Columns =
    [
        ("jobs", "jobs"), ("create_per_s", "create/s"),
        ("lateness_p50_ms", "p50 ms"), ("lateness_p99_ms", "p99 ms"), ("lateness_p999_ms", "p99.9 ms"), ("lateness_max_ms", "max ms"),
        ("fire_per_s", "fire/s"), ("missing", "missing"), ("duplicates", "dup"), ("early", "early"), ("errors", "errors"),
    ];

    public static string Of(IEnumerable<Report> reports)
    {
        var text = new StringBuilder();
        foreach (var scenario in reports.GroupBy(r => r.Scenario))
        {
            text.AppendLine($"**{scenario.Key}**\n");
            text.AppendLine(Header);
            foreach (var report in scenario)
            {
                text.AppendLine(Row(report));
            }
            text.AppendLine();
            if (scenario.Any(r => r.Steps.Count > 0))
            {
                text.AppendLine(StepsOf(scenario.Key, scenario));
            }
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>One row per step of a ramped scenario (capacity): its rate, what the target made of it, and whether it passed.</summary>
    private static string StepsOf(string scenario, IEnumerable<Report> reports)
    {
        var text = new StringBuilder();
        text.AppendLine($"**{scenario} steps** (passed: lateness p99 < {CapacityCriteria.MaxP99Ms} ms, nothing skipped, missing or failed; node CPU: % of one core while it created and fired)\n");
        text.AppendLine("| target | rate | create/s | fire/s | p50 ms | p99 ms | max ms | skipped | missing | node CPU % | result |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var report in reports)
        {
            foreach (var step in report.Steps)
            {
                var cells = new[] { "rate", "create_per_s", "fire_per_s", "lateness_p50_ms", "lateness_p99_ms", "lateness_max_ms", "skipped", "missing" }
                    .Select(key => step.Figure(key))
                    .Append(CapacityCriteria.NodeCpu(step))
                    .Select(v => v is { } value ? Format(value) : "–");
                text.AppendLine($"| {report.Target.Title} | {string.Join(" | ", cells)} | {CapacityCriteria.Verdict(step)} |");
            }
        }
        return text.ToString();
    }

    public static string Row(Report report)
    {
        var cells = Columns.Select(c => report.Figure(c.Key) is { } v ? Format(v) : "–");
        var other = report.Figures.Where(f => Columns.All(c => c.Key != f.Key)).Select(f => $"{f.Key}={Format(f.Value)}");
        return $"| {report.Target.Title} | {string.Join(" | ", cells)} | {string.Join("; ", other)} |";
    }

    public static string Format(double value) =>
        value.ToString(Math.Abs(value) >= 100 || value == Math.Floor(value) ? "F0" : Math.Abs(value) >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture);

    private static string Header =>
        $"| target | {string.Join(" | ", Columns.Select(c => c.Title))} | other |\n|---|{string.Concat(Columns.Select(_ => "---:|"))}---|";
}
