namespace TimerGrid.Bench.Targets;

/// <summary>Every target by name, in the order a comparison runs them.</summary>
internal static class TargetCatalog
{
    public const string TimerGridSqlite = "timergrid-sqlite";
    public const string TimerGridPostgres = "timergrid-postgres";
    public const string Baseline = "timergrid-sqlite-baseline";

    /// <summary>Not in a comparison: the default node without execution records, to measure what recording costs.</summary>
    public static readonly ITarget Unrecorded = new TimerGridTarget("timergrid-sqlite-unrecorded", "TimerGrid · SQLite · REST · no execution records",
        onPostgres: false, throughOrleans: false, "--TimerGrid:Records:RecordExecutions=false");

    /// <summary>Not in a comparison: the default node with metrics off (no meter listener, no /metrics), to measure what metrics cost.</summary>
    public static readonly ITarget Unmetered = new TimerGridTarget("timergrid-sqlite-unmetered", "TimerGrid · SQLite · REST · metrics off",
        onPostgres: false, throughOrleans: false, "--TimerGrid:Telemetry:Metrics=false");

    /// <summary>Not in a comparison: the default node keeping records and finished jobs 10 minutes, pruning every minute, for <c>soak</c>.</summary>
    public static readonly ITarget ShortRetention = new TimerGridTarget("timergrid-sqlite-short-retention", "TimerGrid · SQLite · REST · records and finished jobs kept 10 min",
        onPostgres: false, throughOrleans: false, "--TimerGrid:Records:Retention=00:10:00", "--TimerGrid:Records:RetentionInterval=00:01:00",
        "--TimerGrid:Jobs:FinishedRetention=00:10:00");

    /// <summary>
    /// Not in a comparison: the default node (SQLite, REST) of another build, given by <c>--baseline-silo</c>
    /// (<c>bench/baseline.sh</c> builds a commit's), to run beside <c>timergrid-sqlite</c> and compare builds.
    /// </summary>
    public static readonly ITarget BaselineBuild = new TimerGridTarget(Baseline, "TimerGrid · SQLite · REST · baseline build",
        onPostgres: false, throughOrleans: false) { FromBaselineBuild = true };

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

    /// <summary>
    /// Not in a comparison: N silos behind standalone gateways on one PostgreSQL (<see cref="ClusterTarget"/>), for
    /// capacity by silo count. Any N up to 16 is a target by name (<c>timergrid-postgres-5silos</c>); these are listed.
    /// </summary>
    private static readonly ITarget[] Clusters = [new ClusterTarget(1), new ClusterTarget(2), new ClusterTarget(3)];

    /// <summary>Every target a name can choose: the compared ones and those outside a comparison.</summary>
    public static IEnumerable<ITarget> Known => All.Append(Unrecorded).Append(Unmetered).Append(ShortRetention).Append(BaselineBuild).Concat(Clusters);

    public static ITarget Find(string name) =>
        Known.FirstOrDefault(t => t.Name == name)
        ?? ClusterTarget.Parse(name)
        ?? throw new ArgumentException($"unknown target '{name}'; targets: {string.Join(", ", Known.Select(t => t.Name))}");
}
