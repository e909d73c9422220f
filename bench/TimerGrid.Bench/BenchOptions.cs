using TimerGrid.Bench.Scenarios;
using TimerGrid.Bench.Targets;

namespace TimerGrid.Bench;

/// <summary>The command line: which scenarios on which targets, and their sizes.</summary>
internal sealed record BenchOptions(
    string Command, IReadOnlyList<IScenario> Scenarios, IReadOnlyList<ITarget> Targets,
    int Jobs, TimeSpan? Ahead, int Rate, int Seconds, int Pending, TimeSpan Idle, string? Postgres, string OutDir)
{
    private const string Usage =
        "usage: TimerGrid.Bench burst|spread|recovery|pending|all|compare [--targets T,..] [--pg CONN] [--jobs N] [--ahead T] [--rate R] [--seconds D] [--pending M] [--idle S] [--out DIR]\n" +
        "  compare      burst, spread and recovery on every target, at a size that takes minutes (all: every scenario, full size)\n" +
        "  --targets    comma-separated, or 'all' (compare: all; otherwise timergrid-sqlite):\n" +
        "               {0}\n" +
        "  --pg CONN    a PostgreSQL server (a role that may create databases) for the PostgreSQL targets\n" +
        "  --jobs N     jobs in a burst, in recovery, and in the burst beside the pending jobs (1000)\n" +
        "  --ahead T    seconds between the start of burst creation and its due second (creation time x 1.5 + 3)\n" +
        "  --rate R     spread: jobs per second, created and fired (1000; compare: 100)\n" +
        "  --seconds D  spread: how long (30; compare: 10)\n" +
        "  --pending M  pending: jobs due 30 days ahead (1000000)\n" +
        "  --idle S     pending: seconds of idle CPU measured after creation (60), and half that after the restart\n" +
        "  --out DIR    where the JSON results go (bench/results)";

    public const string Compare = "compare";

    private static readonly string[] Flags = ["targets", "pg", "jobs", "ahead", "rate", "seconds", "pending", "idle", "out"];

    public static BenchOptions Parse(string[] args, string defaultOutDir)
    {
        var usage = string.Format(Usage, string.Join(", ", TargetCatalog.All.Select(t => t.Name)));
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
        return new BenchOptions(
            command,
            comparing ? ScenarioCatalog.Compared : [.. ScenarioCatalog.Select(command)],
            targets,
            Positive(values, "jobs", 1000, usage),
            values.ContainsKey("ahead") ? TimeSpan.FromSeconds(Positive(values, "ahead", 0, usage)) : null,
            Positive(values, "rate", comparing ? 100 : 1000, usage),
            Positive(values, "seconds", comparing ? 10 : 30, usage),
            Positive(values, "pending", 1_000_000, usage),
            TimeSpan.FromSeconds(Positive(values, "idle", 60, usage)),
            postgres,
            Path.GetFullPath(values.GetValueOrDefault("out", defaultOutDir)));
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
