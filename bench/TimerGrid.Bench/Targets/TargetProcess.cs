using TimerGrid.Bench.Node;

namespace TimerGrid.Bench.Targets;

/// <summary>One process of a deployed target, by role: a <c>silo</c> (a TimerGrid node is one), a standalone <c>gateway</c>, or a peer's <c>node</c>.</summary>
/// <param name="Name">The role, numbered when the target runs several of it: <c>silo2</c>.</param>
internal sealed record TargetProcess(string Name, string Role, NodeProcess Process)
{
    public const string Silo = "silo";
    public const string Gateway = "gateway";
    public const string PeerNode = "node";

    public static TargetProcess Single(string role, NodeProcess process) => new(role, role, process);

    /// <summary><paramref name="count"/> processes of one role, numbered from 1.</summary>
    public static IReadOnlyList<TargetProcess> Numbered(string role, int count, Func<int, NodeProcess> create) =>
        [.. Enumerable.Range(1, count).Select(i => new TargetProcess($"{role}{i}", role, create(i)))];
}
