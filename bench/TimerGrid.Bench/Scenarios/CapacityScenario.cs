using TimerGrid.Bench.Reporting;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// Ramps the rate in paced steps (<see cref="PacedStep"/>: jobs due continuously at the step's rate,
/// each created 6 s ahead, in a collection of the step's own) and reports the highest rate the target
/// sustained for a whole step (<see cref="CapacityCriteria"/>): <c>capacity_jobs_per_s</c>, 0 if the
/// first step failed, with that step's cost per job and, on PostgreSQL, the <see cref="Projection"/>
/// from it. Each step's webhooks are awaited before the next starts; the ramp stops at the first
/// failing step, or after the step at <c>--max-rate</c>.
/// </summary>
internal sealed class CapacityScenario : IScenario
{
    public string Name => "capacity";

    public async Task<Report> RunAsync(BenchRig rig, BenchOptions options)
    {
        var report = new Report(Name, rig.Target);
        // A cold node's first seconds run unoptimized code: without a warm-up the first step would measure the JIT.
        rig.WarmCreationRate ??= await Warmup.RunAsync(rig, options.Jobs);
        Report? sustained = null;
        foreach (var (index, rate) in Rates(options.StartRate, options.Ramp, options.MaxRate).Index())
        {
            Console.Error.WriteLine($"   step {index + 1}: {rate} jobs/s for {options.StepSeconds} s");
            var step = new Report(Name, rig.Target);
            step.Add("rate", rate);
            (await PacedStep.RunAsync(rig, $"{Name}{index + 1}", rate, options.StepSeconds)).AddTo(step);
            var passed = CapacityCriteria.Shortfalls(step).Count == 0;
            step.Add("passed", passed ? 1 : 0);
            report.AddStep(step);
            Console.Error.WriteLine($"   step {index + 1} at {rate}/s: {CapacityCriteria.Verdict(step)}\n   {ResultsTable.Row(step)}");
            if (!passed)
            {
                break;
            }
            sustained = step;
        }

        report.Add("capacity_jobs_per_s", sustained?.Figure("rate") ?? 0);
        report.Add("steps", report.Steps.Count);
        foreach (var total in new[] { "jobs", "errors", "skipped", "missing", "duplicates", "early" })
        {
            report.Add(total, report.Steps.Sum(s => s.Figure(total) ?? 0));
        }
        if (sustained is not null)
        {
            foreach (var figure in new[] { "create_per_s", "fire_per_s", "lateness_p50_ms", "lateness_p99_ms", "lateness_max_ms" })
            {
                report.Add($"capacity_{figure}", sustained.Figure(figure) ?? 0);
            }
            report.Add("capacity_node_cpu_pct", CapacityCriteria.NodeCpu(sustained) ?? 0);
            foreach (var (key, value) in sustained.Figures.Where(f => f.Key.EndsWith("_per_job", StringComparison.Ordinal)))
            {
                report.Add($"capacity_{key}", value);
            }
            Projection.AddTo(report, sustained, options.SiloCores);
        }
        if (report.Steps[^1].Figure("passed") == 0)
        {
            report.Add("failed_at_rate", report.Steps[^1].Figure("rate") ?? 0);
        }
        return report;
    }

    /// <summary><paramref name="start"/>, then × <paramref name="ramp"/> (at least +1) each step, the last at <paramref name="max"/>.</summary>
    public static IEnumerable<int> Rates(int start, double ramp, int max)
    {
        var rate = start;
        yield return rate;
        while (rate < max)
        {
            rate = Math.Min(max, Math.Max(rate + 1, (int)Math.Round(rate * ramp)));
            yield return rate;
        }
    }
}
