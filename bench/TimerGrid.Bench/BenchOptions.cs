using TimerGrid.Bench.Scenarios;

namespace TimerGrid.Bench;

/// <summary>The command line: which scenario, and its sizes.</summary>
internal sealed record BenchOptions(string Scenario, int Jobs, TimeSpan? Ahead, int Rate, int Seconds, int Pending, string OutDir)
{
    private const string Usage =
        "usage: TimerGrid.Bench burst|spread|recovery|pending|all [--jobs N] [--ahead T] [--rate R] [--seconds D] [--pending M] [--out DIR]\n" +
        "  --jobs N     jobs in a burst, and in recovery (1000)\n" +
        "  --ahead T    seconds between the start of burst creation and its due second (creation time x 1.5 + 3)\n" +
        "  --rate R     spread: jobs per second, created and fired (1000)\n" +
        "  --seconds D  spread: how long (30)\n" +
        "  --pending M  pending: jobs due 30 days ahead (1000000)\n" +
        "  --out DIR    where the JSON results go (bench/results)";

    private static readonly string[] Flags = ["jobs", "ahead", "rate", "seconds", "pending", "out"];

    public static BenchOptions Parse(string[] args, string defaultOutDir)
    {
        if (args.Length == 0 || args.Length % 2 == 0 || !ScenarioCatalog.Exists(args[0]))
        {
            throw new ArgumentException(Usage);
        }
        var values = new Dictionary<string, string>();
        for (var i = 1; i < args.Length; i += 2)
        {
            var flag = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : "";
            if (!Flags.Contains(flag))
            {
                throw new ArgumentException($"unknown option '{args[i]}'\n{Usage}");
            }
            values[flag] = args[i + 1];
        }
        return new BenchOptions(
            args[0],
            Positive(values, "jobs", 1000),
            values.ContainsKey("ahead") ? TimeSpan.FromSeconds(Positive(values, "ahead", 0)) : null,
            Positive(values, "rate", 1000),
            Positive(values, "seconds", 30),
            Positive(values, "pending", 1_000_000),
            Path.GetFullPath(values.GetValueOrDefault("out", defaultOutDir)));
    }

    private static int Positive(Dictionary<string, string> values, string flag, int fallback)
    {
        if (!values.TryGetValue(flag, out var text))
        {
            return fallback;
        }
        return int.TryParse(text, out var value) && value > 0 ? value : throw new ArgumentException($"--{flag} wants a positive integer, not '{text}'\n{Usage}");
    }
}
