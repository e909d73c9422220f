using TimerGrid.Bench.Node;
using TimerGrid.Bench.Targets;

namespace TimerGrid.Bench.Costs;

/// <summary>
/// What a deployed target spends per job over a window: its processes' CPU, summed by role (silos, gateways, a peer's
/// node) and, where a role has several, each process's own; and on PostgreSQL the server's CPU, transactions, rows,
/// WAL and statements (<see cref="PostgresSample"/>).
/// </summary>
internal sealed class CostMeter(IReadOnlyList<TargetProcess> processes, PostgresProbe? postgres)
{
    public async Task<CostSample> SampleAsync() =>
        new([.. processes.Select(p => ProcessStats.CpuSeconds(p.Process.Pid))], postgres is null ? null : await postgres.SampleAsync());

    /// <summary>Figures named <c>…_per_job</c>: what was spent from <paramref name="from"/> to <paramref name="to"/>, divided by <paramref name="jobs"/>; none for no jobs.</summary>
    public IEnumerable<KeyValuePair<string, double>> PerJob(CostSample from, CostSample to, int jobs)
    {
        if (jobs == 0)
        {
            yield break;
        }
        double CpuMsPerJob(IEnumerable<int> indices) => indices.Sum(i => to.CpuSeconds[i] - from.CpuSeconds[i]) * 1000 / jobs;
        foreach (var role in processes.Select((p, i) => (p, i)).GroupBy(x => x.p.Role, x => x.i))
        {
            yield return new($"{role.Key}_cpu_ms_per_job", CpuMsPerJob(role));
            if (role.Count() > 1)
            {
                foreach (var i in role)
                {
                    yield return new($"{processes[i].Name}_cpu_ms_per_job", CpuMsPerJob([i]));
                }
            }
        }
        if (from.Postgres is { } before && to.Postgres is { } after)
        {
            foreach (var figure in before.PerJobUntil(after, jobs))
            {
                yield return figure;
            }
        }
    }
}
