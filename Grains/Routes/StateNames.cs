namespace TimerGrid.Grains.Routes;

/// <summary>The route grain's state name (see Jobs.StateNames: one per grain class).</summary>
internal static class StateNames
{
    public const string Route = "route";
}
