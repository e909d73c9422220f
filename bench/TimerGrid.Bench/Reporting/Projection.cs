namespace TimerGrid.Bench.Reporting;

/// <summary>
/// Projected, not measured: the jobs/s a PostgreSQL server of 4, 16 and 64 cores would sustain at the PostgreSQL CPU
/// per job measured at the capacity step (cores × 1000 ÷ <c>pg_cpu_ms_per_job</c>), and the silos (and gateways) of
/// <c>--silo-cores</c> cores each it takes to create and fire that many at the silos' (gateways') measured CPU per job
/// (⌈jobs/s × ms per job ÷ (1000 × cores)⌉). It assumes every tier is CPU-bound, scales linearly with cores and runs
/// its cores at full use, on cores as fast as this machine's: no lock, I/O or network limit is modelled.
/// </summary>
internal static class Projection
{
    public static readonly int[] PostgresCores = [4, 16, 64];

    /// <summary>Adds <c>projected_pg{cores}_jobs_per_s</c>, <c>projected_pg{cores}_silos</c> and <c>…_gateways</c> from <paramref name="step"/>'s costs.</summary>
    public static void AddTo(Report report, Report step, int siloCores)
    {
        if (step.Figure("pg_cpu_ms_per_job") is not { } pgMs || pgMs <= 0)
        {
            return;
        }
        foreach (var cores in PostgresCores)
        {
            var jobsPerSecond = cores * 1000 / pgMs;
            report.Add(Key(cores, "jobs_per_s"), jobsPerSecond);
            foreach (var role in new[] { "silo", "gateway" })
            {
                if (step.Figure($"{role}_cpu_ms_per_job") is { } ms)
                {
                    report.Add(Key(cores, role + "s"), Math.Ceiling(jobsPerSecond * ms / (1000.0 * siloCores)));
                }
            }
        }
    }

    public static string Key(int postgresCores, string what) => $"projected_pg{postgresCores}_{what}";
}
