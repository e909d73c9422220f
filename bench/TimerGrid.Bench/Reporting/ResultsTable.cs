using System.Globalization;

namespace TimerGrid.Bench.Reporting;

/// <summary>One markdown row per scenario: the common figures in columns, the scenario's own in the last one.</summary>
internal static class ResultsTable
{
    private static readonly (string Key, string Title)[] Columns =
    [
        ("jobs", "jobs"), ("create_per_s", "create/s"),
        ("lateness_p50_ms", "p50 ms"), ("lateness_p99_ms", "p99 ms"), ("lateness_p999_ms", "p99.9 ms"), ("lateness_max_ms", "max ms"),
        ("fire_per_s", "fire/s"), ("missing", "missing"), ("duplicates", "dup"), ("errors", "errors"),
    ];

    public static string Header =>
        $"| scenario | {string.Join(" | ", Columns.Select(c => c.Title))} | other |\n|---|{string.Concat(Columns.Select(_ => "---:|"))}---|";

    public static string Row(Report report)
    {
        var figures = report.Figures.ToDictionary(f => f.Key, f => f.Value);
        var cells = Columns.Select(c => figures.TryGetValue(c.Key, out var v) ? Format(v) : "–");
        var other = report.Figures.Where(f => Columns.All(c => c.Key != f.Key)).Select(f => $"{f.Key}={Format(f.Value)}");
        return $"| {report.Scenario} | {string.Join(" | ", cells)} | {string.Join("; ", other)} |";
    }

    private static string Format(double value) =>
        value.ToString(Math.Abs(value) >= 100 || value == Math.Floor(value) ? "F0" : Math.Abs(value) >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture);
}
