namespace TimerGrid.Bench.Targets;

/// <summary>What targets deploy from: the built binaries, and the PostgreSQL server (if given) every PostgreSQL target shares.</summary>
internal sealed record BenchEnvironment(RepoPaths Paths, string? PostgresServer)
{
    public Task<PostgresDatabase> CreateDatabaseAsync(ITarget target) =>
        PostgresDatabase.CreateAsync(PostgresServer ?? throw new InvalidOperationException($"{target.Name} needs --pg"), target.Name);
}
