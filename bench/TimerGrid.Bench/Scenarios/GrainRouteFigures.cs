namespace TimerGrid.Bench.Scenarios;

/// <summary>How a scenario's GRAIN route half is told apart from its webhook half: its collection and its figures.</summary>
internal static class GrainRouteFigures
{
    public const string CollectionSuffix = "-grain";

    public const string Prefix = "grain_";
}
