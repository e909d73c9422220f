namespace TimerGrid.Bench.Targets;

/// <summary>
/// What targets deploy from: the built binaries, the PostgreSQL server (if given) every PostgreSQL target
/// shares, and another build's silo (if given) for the baseline target.
/// </summary>
internal sealed record BenchEnvironment(RepoPaths Paths, string? PostgresServer, string? BaselineSiloDll = null)
{
    public Task<PostgresDatabase> CreateDatabaseAsync(ITarget target) =>
        PostgresDatabase.CreateAsync(PostgresServer ?? throw new InvalidOperationException($"{target.Name} needs --pg"), target.Name);
}
