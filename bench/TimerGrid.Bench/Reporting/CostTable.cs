using System.Text;

namespace TimerGrid.Bench.Reporting;

/// <summary>
/// The measured cost per job of every paced step (spread, each capacity step), and the capacity runs' projection
/// (<see cref="Projection"/>), each in a table of its own so that measured and projected figures are not mixed.
/// </summary>
internal static class CostTable
{
    private static readonly (string Key, string Title)[] Columns =
    [
        ("gateway_cpu_ms_per_job", "gateways CPU ms"), ("pg_cpu_ms_per_job", "PG CPU ms"), ("pg_xacts_per_job", "PG xacts"),
        ("pg_write_xacts_per_job", "PG write xacts"), ("pg_rows_written_per_job", "PG rows written"), ("pg_wal_bytes_per_job", "WAL bytes"),
        ("pg_statements_per_job", "PG statements"),
    ];

    /// <summary>Both tables, or null when no run measured a cost per job.</summary>
    /// <param name="siloCores">The cores of one silo (and one gateway) the projection counted in (<c>--silo-cores</c>).</param>
    public static string? Of(IReadOnlyList<Report> reports, int siloCores)
    {
        var measured = reports.SelectMany(r => (r.Steps.Count > 0 ? r.Steps : [r]).Select(s => (Run: r, Step: s)))
            .Where(x => x.Step.Figure("jobs") > 0 && x.Step.Figures.Any(f => f.Key.EndsWith("_per_job", StringComparison.Ordinal)))
            .ToArray();
        if (measured.Length == 0)
        {
            return null;
        }
        var text = new StringBuilder();
        text.AppendLine("**Cost per job, measured** (CPU ms of the target's own processes by role and of the PostgreSQL server's processes, " +
            "and PostgreSQL's counters for the target's database, from before a step's creation until its webhooks were in, ÷ its jobs)\n");
        text.AppendLine($"| target | scenario | rate | jobs | silos (node) CPU ms | {string.Join(" | ", Columns.Select(c => c.Title))} |");
        text.AppendLine($"|---|---|---:|---:|---:|{string.Concat(Columns.Select(_ => "---:|"))}");
        foreach (var (run, step) in measured)
        {
            var cells = Columns.Select(c => step.Figure(c.Key))
                .Prepend(step.Figure("silo_cpu_ms_per_job") ?? step.Figure("node_cpu_ms_per_job"))
                .Prepend(step.Figure("jobs"))
                .Prepend(step.Figure("rate"));
            text.AppendLine($"| {run.Target.Title} | {run.Scenario} | {string.Join(" | ", cells.Select(Cell))} |");
        }
        if (ProjectionOf(reports, siloCores) is { } projection)
        {
            text.AppendLine().Append(projection);
        }
        return text.ToString().TrimEnd();
    }

    private static string? ProjectionOf(IReadOnlyList<Report> reports, int siloCores)
    {
        var projected = reports.Where(r => r.Figure(Projection.Key(Projection.PostgresCores[0], "jobs_per_s")) is not null).ToArray();
        if (projected.Length == 0)
        {
            return null;
        }
        var text = new StringBuilder();
        text.AppendLine($"**Projection, not measured** (from the cost per job at each capacity run's highest passing step: a PostgreSQL of C cores " +
            $"sustains C × 1000 ÷ PG CPU ms per job, jobs/s; it takes ⌈jobs/s × CPU ms per job ÷ (1000 × cores)⌉ silos, and gateways, of {siloCores} cores each (`--silo-cores`); " +
            "assumes every tier CPU-bound and linear in cores, at full use, on cores like this machine's)\n");
        text.AppendLine($"| target | capacity, jobs/s (measured) | PG CPU ms/job | silos CPU ms/job | gateways CPU ms/job | " +
            $"{string.Join(" | ", Projection.PostgresCores.Select(c => $"PG {c} cores: jobs/s | silos + gateways"))} |");
        text.AppendLine($"|---|---:|---:|---:|---:|{string.Concat(Projection.PostgresCores.Select(_ => "---:|---:|"))}");
        foreach (var run in projected)
        {
            var measured = new[] { "capacity_jobs_per_s", "capacity_pg_cpu_ms_per_job", "capacity_silo_cpu_ms_per_job", "capacity_gateway_cpu_ms_per_job" }
                .Select(key => Cell(run.Figure(key)));
            var projections = Projection.PostgresCores.Select(c =>
                $"{Cell(run.Figure(Projection.Key(c, "jobs_per_s")))} | {Cell(run.Figure(Projection.Key(c, "silos")))}" +
                (run.Figure(Projection.Key(c, "gateways")) is { } gateways ? $" + {ResultsTable.Format(gateways)}" : ""));
            text.AppendLine($"| {run.Target.Title} | {string.Join(" | ", measured.Concat(projections))} |");
        }
        return text.ToString();
    }

    private static string Cell(double? value) => value is { } v ? ResultsTable.Format(v) : "–";
}
