namespace TimerGrid.Bench.Targets;

/// <summary>Every target by name, in the order a comparison runs them.</summary>
internal static class TargetCatalog
{
    public const string TimerGridSqlite = "timergrid-sqlite";
    public const string TimerGridPostgres = "timergrid-postgres";

    /// <summary>Not in a comparison: the default node without execution records, to measure what recording costs.</summary>
    public static readonly ITarget Unrecorded = new TimerGridTarget("timergrid-sqlite-unrecorded", "TimerGrid · SQLite · REST · no execution records",
        onPostgres: false, throughOrleans: false, "--TimerGrid:Records:RecordExecutions=false");

    public static readonly IReadOnlyList<ITarget> All =
    [
        new TimerGridTarget(TimerGridSqlite, "TimerGrid · SQLite · REST", onPostgres: false, throughOrleans: false),
        new TimerGridTarget("timergrid-sqlite-orleans", "TimerGrid · SQLite · Orleans client", onPostgres: false, throughOrleans: true),
        new TimerGridTarget(TimerGridPostgres, "TimerGrid · PostgreSQL · REST", onPostgres: true, throughOrleans: false),
        new PeerTarget("hangfire", "default", "Hangfire · PostgreSQL · documented defaults"),
        new PeerTarget("hangfire", "tuned", "Hangfire · PostgreSQL · tuned"),
        new PeerTarget("quartz", "default", "Quartz.NET · PostgreSQL · documented defaults"),
        new PeerTarget("quartz", "tuned", "Quartz.NET · PostgreSQL · tuned"),
    ];

    public static ITarget Find(string name) =>
        All.Append(Unrecorded).FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"unknown target '{name}'; targets: {string.Join(", ", All.Select(t => t.Name))}");
}
