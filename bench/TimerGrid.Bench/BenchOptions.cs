using TimerGrid.Bench.Scenarios;
using TimerGrid.Bench.Targets;

namespace TimerGrid.Bench;

/// <summary>The command line: which scenarios on which targets, and their sizes.</summary>
internal sealed record BenchOptions(
    string Command, IReadOnlyList<IScenario> Scenarios, IReadOnlyList<ITarget> Targets,
    int Jobs, TimeSpan? Ahead, int Rate, int Seconds, int Pending, TimeSpan Idle, string? Postgres, string OutDir,
    int StartRate, int StepSeconds, double Ramp, int MaxRate, string? BaselineSilo, int SiloCores, double? QuietLoad)
{
    private const string Usage =
        "usage: TimerGrid.Bench burst|spread|capacity|recovery|pending|listing|queue|bulk|soak|all|compare [--targets T,..] [--scenarios S,..] [--pg CONN] [--jobs N] [--ahead T] [--rate R] [--seconds D] [--ramp F] [--max-rate R] [--pending M] [--idle S] [--baseline-silo DLL] [--silo-cores C] [--quiet-load L] [--out DIR]\n" +
        "  compare      burst, spread and recovery on every target, at a size that takes minutes (all: every scenario, full size)\n" +
        "  --scenarios  compare: which scenarios, comma-separated (burst,spread,recovery); they run in the order above\n" +
        "  --targets    comma-separated, or 'all' (compare: all; otherwise timergrid-sqlite):\n" +
        "               {0}\n" +
        "               timergrid-postgres-<N>silos: N silos and 2 standalone gateways on PostgreSQL (burst, spread, capacity only)\n" +
        "  --pg CONN    a PostgreSQL server (a role that may create databases) for the PostgreSQL targets\n" +
        "  --jobs N     jobs in a burst, in recovery, and in the burst beside the pending jobs; listing: its failed jobs; queue: per round (1000)\n" +
        "  queue        seed 002: 8 then 64 workers drain --jobs jobs each while 16 producers enqueue; 32 workers drain a backlog of --jobs; 8 workers while jobs come at 1,000/s; then native jobs routed to a queue (not in all)\n" +
        "  soak         --rate jobs/s (default 1000; run it at about half the node's capacity, 700 on SQLite here) for --seconds (3600 is the hour) beside 100 jobs every 10 s, one webhook in 20 answered 500; 12 windows of RSS, CPU, db and WAL size, GC pause time, lateness (not in all; --targets timergrid-sqlite-short-retention prunes records and finished jobs meanwhile)\n" +
        "  bulk         batch creation: 20,000 single creates, then --pending jobs by batch (1,000 a request, 4 in flight), then a burst of --jobs by batch (not in all)\n" +
        "  --ahead T    seconds between the start of burst creation and its due second (creation time x 1.5 + 3)\n" +
        "  --rate R     spread: jobs per second, created and fired (1000; compare: 100); capacity: the first step's rate (250)\n" +
        "  --seconds D  spread: how long (30; compare: 10); capacity: each step's length (30)\n" +
        "  --ramp F     capacity: each step's rate is the last one's times F (1.25)\n" +
        "  --max-rate R capacity: the last step's rate, if no step failed before (20000)\n" +
        "  --pending M  pending: jobs due 30 days ahead; listing: jobs in the listed collection (1000000)\n" +
        "  --idle S     pending: seconds of idle CPU measured after creation (60), and half that after the restart\n" +
        "  --quiet-load L  pending: after creation, wait until the machine's 1-minute load average is below L before measuring\n" +
        "  --baseline-silo DLL  the TimerGrid.Silo.dll of another build, which target timergrid-sqlite-baseline runs (bench/baseline.sh builds one)\n" +
        "  --silo-cores C  capacity's projection: the cores of one silo (and of one gateway) it counts silos in (4)\n" +
        "  --out DIR    where the JSON results go (bench/results)";

    public const string Compare = "compare";

    private static readonly string[] Flags =
        ["targets", "scenarios", "pg", "jobs", "ahead", "rate", "seconds", "ramp", "max-rate", "pending", "idle", "baseline-silo", "silo-cores", "quiet-load", "out"];

    public static BenchOptions Parse(string[] args, string defaultOutDir)
    {
        var usage = string.Format(Usage, string.Join(", ", TargetCatalog.Known.Select(t => t.Name)));
        if (args.Length == 0 || args.Length % 2 == 0 || !(args[0] == Compare || ScenarioCatalog.Exists(args[0])))
        {
            throw new ArgumentException(usage);
        }
        var command = args[0];
        var values = new Dictionary<string, string>();
        for (var i = 1; i < args.Length; i += 2)
        {
            var flag = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : "";
            if (!Flags.Contains(flag))
            {
                throw new ArgumentException($"unknown option '{args[i]}'\n{usage}");
            }
            values[flag] = args[i + 1];
        }
        var comparing = command == Compare;
        var targets = ParseTargets(values.GetValueOrDefault("targets", comparing ? "all" : TargetCatalog.TimerGridSqlite));
        var postgres = values.GetValueOrDefault("pg");
        if (postgres is null && targets.FirstOrDefault(t => t.NeedsPostgres) is { } needy)
        {
            throw new ArgumentException($"target {needy.Name} runs on PostgreSQL: give --pg (bench/compare.sh starts a private server)\n{usage}");
        }
        var baselineSilo = values.TryGetValue("baseline-silo", out var silo) ? Path.GetFullPath(silo) : null;
        if (baselineSilo is not null && !File.Exists(baselineSilo))
        {
            throw new ArgumentException($"--baseline-silo: no file {baselineSilo}\n{usage}");
        }
        if (baselineSilo is null && targets.OfType<TimerGridTarget>().FirstOrDefault(t => t.FromBaselineBuild) is { } baseline)
        {
            throw new ArgumentException($"target {baseline.Name} runs another build's node: give --baseline-silo (bench/baseline.sh builds one)\n{usage}");
        }
        if (values.ContainsKey("scenarios") && !comparing)
        {
            throw new ArgumentException($"--scenarios is for compare\n{usage}");
        }
        var scenarios = comparing ? ParseScenarios(values.GetValueOrDefault("scenarios"), usage) : [.. ScenarioCatalog.Select(command)];
        if (targets.OfType<ClusterTarget>().FirstOrDefault() is { } cluster && scenarios.FirstOrDefault(s => !ClusterTarget.Scenarios.Contains(s.Name)) is { } unfit)
        {
            throw new ArgumentException($"target {cluster.Name} runs {string.Join(", ", ClusterTarget.Scenarios)}, not {unfit.Name} (which kills, restarts or reads a single node)\n{usage}");
        }
        return new BenchOptions(
            command,
            scenarios,
            targets,
            Positive(values, "jobs", 1000, usage),
            values.ContainsKey("ahead") ? TimeSpan.FromSeconds(Positive(values, "ahead", 0, usage)) : null,
            Positive(values, "rate", comparing ? 100 : 1000, usage),
            Positive(values, "seconds", comparing ? 10 : 30, usage),
            Positive(values, "pending", 1_000_000, usage),
            TimeSpan.FromSeconds(Positive(values, "idle", 60, usage)),
            postgres,
            Path.GetFullPath(values.GetValueOrDefault("out", defaultOutDir)),
            // capacity's own defaults, unless --rate or --seconds is given: compare's small spread sizes would make a short, low ramp
            Positive(values, "rate", 250, usage),
            Positive(values, "seconds", 30, usage),
            Above(values, "ramp", 1, usage) ?? 1.25,
            Positive(values, "max-rate", 20_000, usage),
            baselineSilo,
            Positive(values, "silo-cores", 4, usage),
            Above(values, "quiet-load", 0, usage));
    }

    private static IReadOnlyList<IScenario> ParseScenarios(string? list, string usage)
    {
        if (list is null)
        {
            return ScenarioCatalog.Compared;
        }
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0 || names.FirstOrDefault(n => n == ScenarioCatalog.All || !ScenarioCatalog.Exists(n)) is { } unknown)
        {
            throw new ArgumentException($"--scenarios: unknown scenario '{list}'\n{usage}");
        }
        return ScenarioCatalog.InOrder(names);
    }

    /// <summary>The flag's number, null when absent; it must be above <paramref name="above"/>.</summary>
    private static double? Above(Dictionary<string, string> values, string flag, double above, string usage)
    {
        if (!values.TryGetValue(flag, out var text))
        {
            return null;
        }
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > above
            ? value
            : throw new ArgumentException($"--{flag} wants a number above {above}, not '{text}'\n{usage}");
    }

    private static IReadOnlyList<ITarget> ParseTargets(string list) =>
        list == "all" ? TargetCatalog.All : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TargetCatalog.Find)];

    private static int Positive(Dictionary<string, string> values, string flag, int fallback, string usage)
    {
        if (!values.TryGetValue(flag, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"--{flag} wants a positive integer, not '{text}'\n{usage}");
    }
}
