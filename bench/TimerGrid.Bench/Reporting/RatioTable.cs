using System.Text;
using TimerGrid.Bench.Targets;

namespace TimerGrid.Bench.Reporting;

/// <summary>
/// How TimerGrid compares with each peer configuration, scenario by scenario: creation rate as
/// TimerGrid ÷ peer (how many times faster TimerGrid takes jobs), lateness as peer ÷ TimerGrid (how
/// many times later the peer fires), against TimerGrid on its SQLite default and on the same PostgreSQL.
/// </summary>
internal static class RatioTable
{
    /// <summary>Creation in spread is paced at the same rate for every target: no ratio.</summary>
    private const string Paced = "spread";
    private static readonly string[] Scenarios = ["burst", Paced];
    private static readonly string[] Baselines = [TargetCatalog.TimerGridSqlite, TargetCatalog.TimerGridPostgres];

    public static string Of(IReadOnlyList<Report> reports)
    {
        var text = new StringBuilder();
        text.AppendLine("**TimerGrid vs peers** (creation: TimerGrid ÷ peer; lateness: peer ÷ TimerGrid; each as vs TimerGrid on SQLite / on PostgreSQL; early: that lateness was below zero, the webhook came before its trigger time)\n");
        text.AppendLine("| scenario | peer | create/s × | p50 lateness × | p99 lateness × |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var scenario in Scenarios)
        {
            var baselines = Baselines.Select(b => reports.FirstOrDefault(r => r.Scenario == scenario && r.Target.Name == b)).ToArray();
            foreach (var peer in reports.Where(r => r.Scenario == scenario && r.Target is PeerTarget))
            {
                text.AppendLine($"| {scenario} | {peer.Target.Title} | " +
                    $"{(scenario == Paced ? "paced" : Pair(baselines, b => Ratio(b, peer, "create_per_s")))} | " +
                    $"{Pair(baselines, b => Ratio(peer, b, "lateness_p50_ms"))} | " +
                    $"{Pair(baselines, b => Ratio(peer, b, "lateness_p99_ms"))} |");
            }
        }
        return text.ToString().TrimEnd();
    }

    private static string Pair(Report?[] baselines, Func<Report, string> ratio) =>
        string.Join(" / ", baselines.Select(b => b is null ? "–" : ratio(b)));

    /// <summary>A lateness at or below zero has no ratio: that target fired early.</summary>
    private static string Ratio(Report numerator, Report denominator, string key) =>
        (numerator.Figure(key), denominator.Figure(key)) switch
        {
            ({ } n, { } d) when n > 0 && d > 0 => $"{ResultsTable.Format(n / d)}×",
            ({ } n, _) when n <= 0 => "early",
            (_, { } d) when d <= 0 => "early",
            _ => "–",
        };
}
