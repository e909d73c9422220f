namespace TimerGrid.Bench.Costs;

/// <summary>A deployed target's spending at a moment: each of its processes' CPU seconds, in order, and its PostgreSQL server's counters.</summary>
internal sealed record CostSample(IReadOnlyList<double> CpuSeconds, PostgresSample? Postgres);
