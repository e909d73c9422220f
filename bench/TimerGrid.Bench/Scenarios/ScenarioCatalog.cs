namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// The scenarios by name; <c>all</c> runs them in this order, the big <c>pending</c> last. <c>listing</c> and <c>queue</c>
/// run only when named (bulk too: batch creation, TimerGrid over REST only): listing fills a collection of a million jobs to time reads, and fires nothing worth measuring;
/// queue measures seed 002's pull queues, not firing.
/// </summary>
internal static class ScenarioCatalog
{
    public const string All = "all";

    private static readonly IScenario[] Scenarios =
        [new BurstScenario(), new SpreadScenario(), new CapacityScenario(), new RecoveryScenario(), new PendingScenario()];

    private static readonly IScenario[] OnlyByName = [new ListingScenario(), new QueueScenario(), new BulkScenario(), new SoakScenario()];

    private static IEnumerable<IScenario> Known => Scenarios.Concat(OnlyByName);

    /// <summary>What <c>compare</c> runs on every target by default: the scenarios that take seconds, not the ramp or the million pending jobs.</summary>
    public static IReadOnlyList<IScenario> Compared => InOrder(["burst", "spread", "recovery"]);

    /// <summary>The named scenarios in this catalog's order: recovery, which kills the node, after the others.</summary>
    public static IReadOnlyList<IScenario> InOrder(IReadOnlyCollection<string> names) => [.. Known.Where(s => names.Contains(s.Name))];

    public static bool Exists(string name) => name == All || Known.Any(s => s.Name == name);

    public static IEnumerable<IScenario> Select(string name) => name == All ? Scenarios : Known.Where(s => s.Name == name);
}
