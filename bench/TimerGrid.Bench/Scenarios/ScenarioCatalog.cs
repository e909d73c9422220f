namespace TimerGrid.Bench.Scenarios;

/// <summary>The scenarios by name; <c>all</c> runs them in this order, the big <c>pending</c> last.</summary>
internal static class ScenarioCatalog
{
    public const string All = "all";

    private static readonly IScenario[] Scenarios = [new BurstScenario(), new SpreadScenario(), new RecoveryScenario(), new PendingScenario()];

    /// <summary>What <c>compare</c> runs on every target: the scenarios that take seconds, not the million pending jobs.</summary>
    public static IReadOnlyList<IScenario> Compared => Scenarios[..3];

    public static bool Exists(string name) => name == All || Scenarios.Any(s => s.Name == name);

    public static IEnumerable<IScenario> Select(string name) => name == All ? Scenarios : Scenarios.Where(s => s.Name == name);
}
