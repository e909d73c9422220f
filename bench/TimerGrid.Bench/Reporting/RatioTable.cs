using System.Text;
using TimerGrid.Bench.Targets;

namespace TimerGrid.Bench.Reporting;

/// <summary>
/// How TimerGrid compares with each peer configuration, scenario by scenario: creation rate as
/// TimerGrid ÷ peer (how many times faster TimerGrid takes jobs), lateness as peer ÷ TimerGrid (how
/// many times later the peer fires), capacity as TimerGrid ÷ peer, against TimerGrid on its SQLite
/// default and on the same PostgreSQL. Also this build against another (<see cref="OfBuilds"/>).
/// </summary>
internal static class RatioTable
{
    /// <summary>Creation in spread is paced at the same rate for every target: no ratio.</summary>
    private const string Paced = "spread";
    private static readonly string[] Scenarios = ["burst", Paced];
    private static readonly string[] Baselines = [TargetCatalog.TimerGridSqlite, TargetCatalog.TimerGridPostgres];
    private const string Capacity = "capacity";
    private const string CapacityFigure = "capacity_jobs_per_s";

    /// <summary>What the build comparison shows, where a scenario reports it.</summary>
    private static readonly string[] BuildFigures =
        [CapacityFigure, "capacity_fire_per_s", "capacity_node_cpu_pct", "create_per_s", "fire_per_s", "lateness_p50_ms", "lateness_p99_ms", "node_cpu_create_and_fire_pct"];

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
        var capacities = reports.Where(r => r.Scenario == Capacity && r.Target is PeerTarget).ToArray();
        if (capacities.Length > 0)
        {
            var baselines = Baselines.Select(b => reports.FirstOrDefault(r => r.Scenario == Capacity && r.Target.Name == b)).ToArray();
            text.AppendLine($"\n**Capacity, TimerGrid ÷ peer** (the highest rate sustained for a whole step with lateness p99 < {CapacityCriteria.MaxP99Ms} ms " +
                "and nothing skipped or missing; as vs TimerGrid on SQLite / on PostgreSQL; > when the peer failed the first step)\n");
            text.AppendLine("| peer | peer's capacity, jobs/s | TimerGrid ÷ peer |");
            text.AppendLine("|---|---:|---:|");
            foreach (var peer in capacities)
            {
                text.AppendLine($"| {peer.Target.Title} | {Below(peer)}{ResultsTable.Format(peer.Figure(CapacityFigure) ?? 0)} | {Pair(baselines, b => CapacityRatio(b, peer))} |");
            }
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// This build against another's (<c>timergrid-sqlite</c> ÷ <c>timergrid-sqlite-baseline</c>, see
    /// <c>bench/baseline.sh</c>), figure by figure, for every scenario both ran; null when no baseline ran.
    /// </summary>
    public static string? OfBuilds(IReadOnlyList<Report> reports)
    {
        var pairs = reports.Where(r => r.Target.Name == TargetCatalog.Baseline)
            .Select(old => (Old: old, New: reports.FirstOrDefault(r => r.Scenario == old.Scenario && r.Target.Name == TargetCatalog.TimerGridSqlite)))
            .Where(p => p.New is not null)
            .ToArray();
        if (pairs.Length == 0)
        {
            return null;
        }
        var text = new StringBuilder();
        text.AppendLine("**This build vs the baseline build** (this ÷ baseline: above 1 is more jobs/s, or more CPU, or later webhooks)\n");
        text.AppendLine("| scenario | figure | this build | baseline | this ÷ baseline |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var (old, current) in pairs)
        {
            foreach (var figure in BuildFigures.Where(f => old.Figure(f) is not null || current!.Figure(f) is not null))
            {
                var ratio = figure == CapacityFigure ? CapacityRatio(current!, old) : Ratio(current!, old, figure);
                text.AppendLine($"| {old.Scenario} | {figure} | {Cell(current!, figure)} | {Below(old)}{Cell(old, figure)} | {ratio} |");
            }
        }
        return text.ToString().TrimEnd();
    }

    private static string Cell(Report report, string figure) => report.Figure(figure) is { } value ? ResultsTable.Format(value) : "–";

    /// <summary>"&lt; first step's rate" for a target that failed its first step (capacity 0).</summary>
    private static string Below(Report report) =>
        report.Scenario == Capacity && report.Figure(CapacityFigure) == 0 && report.Steps.Count > 0 ? $"< {Cell(report.Steps[0], "rate")}, " : "";

    /// <summary>A capacity of 0 means below the first step's rate: the ratio is then a lower bound.</summary>
    private static string CapacityRatio(Report numerator, Report denominator) =>
        (numerator.Figure(CapacityFigure), denominator.Figure(CapacityFigure)) switch
        {
            ({ } n, { } d) when n > 0 && d > 0 => $"{ResultsTable.Format(n / d)}×",
            ({ } n, 0) when n > 0 && denominator.Steps.FirstOrDefault()?.Figure("rate") is { } first => $"> {ResultsTable.Format(n / first)}×",
            _ => "–",
        };

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
