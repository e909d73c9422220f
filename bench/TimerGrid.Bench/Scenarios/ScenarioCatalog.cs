namespace TimerGrid.Bench.Scenarios;

/// <summary>The scenarios by name; <c>all</c> runs them in this order, the big <c>pending</c> last.</summary>
internal static class ScenarioCatalog
{
    public const string All = "all";

    private static readonly IScenario[] Scenarios =
        [new BurstScenario(), new SpreadScenario(), new CapacityScenario(), new RecoveryScenario(), new PendingScenario()];

    /// <summary>Run by name only: they measure another surface than firing (<c>queue</c>: seed 002's pull queues).</summary>
    private static readonly IScenario[] ByNameOnly = [new QueueScenario()];

    /// <summary>What <c>compare</c> runs on every target by default: the scenarios that take seconds, not the ramp or the million pending jobs.</summary>
    public static IReadOnlyList<IScenario> Compared => InOrder(["burst", "spread", "recovery"]);

    /// <summary>The named scenarios in this catalog's order: recovery, which kills the node, after the others.</summary>
    public static IReadOnlyList<IScenario> InOrder(IReadOnlyCollection<string> names) => [.. Scenarios.Where(s => names.Contains(s.Name))];

    public static bool Exists(string name) => name == All || Scenarios.Concat(ByNameOnly).Any(s => s.Name == name);

    public static IEnumerable<IScenario> Select(string name) => name == All ? Scenarios : Scenarios.Concat(ByNameOnly).Where(s => s.Name == name);
}
