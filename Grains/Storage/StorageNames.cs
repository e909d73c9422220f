namespace TimerGrid.Grains.Storage;

/// <summary>Names of the Orleans grain storage providers.</summary>
internal static class StorageNames
{
    public const string Default = "timergrid";
}
