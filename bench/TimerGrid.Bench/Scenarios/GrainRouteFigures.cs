namespace TimerGrid.Bench.Scenarios;

/// <summary>How a scenario's GRAIN route half is told apart from its webhook half: its collection and its figures.</summary>
internal static class GrainRouteFigures
{
    public const string CollectionSuffix = "-grain";

    public const string Prefix = "grain_";

    /// <summary>
    /// Whether a scenario runs its GRAIN half: where the target has the route, and not in <c>compare</c>, which measures
    /// TimerGrid against peers that have no such route and keeps its length.
    /// </summary>
    public static bool Wanted(BenchRig rig, BenchOptions options) => rig.HasGrainRoute && options.Command != BenchOptions.Compare;
}
