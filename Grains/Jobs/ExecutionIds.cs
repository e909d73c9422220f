namespace TimerGrid.Grains.Jobs;

/// <summary>Execution ids: 32 lowercase hex characters, as seed 003 shows them.</summary>
internal static class ExecutionIds
{
    public static string New() => Guid.NewGuid().ToString("N");
}
