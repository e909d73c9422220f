using System.ComponentModel.DataAnnotations;

namespace TimerGrid.Grains.Interfaces.Configuration;

/// <summary>The <c>TimerGrid</c> configuration section.</summary>
public sealed class TimerGridOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "TimerGrid";

    /// <summary>Folder of the embedded SQLite database.</summary>
    [Required] public string DataDir { get; set; } = "data";

    /// <summary>Which storage holds reminders and state.</summary>
    public StorageKind Storage { get; set; } = StorageKind.Sqlite;

    /// <summary>Connection string for <see cref="StorageKind.Postgres"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Orleans cluster id.</summary>
    [Required] public string ClusterId { get; set; } = "timergrid";

    /// <summary>Orleans service id: the key of all durable data.</summary>
    [Required] public string ServiceId { get; set; } = "timergrid";

    /// <summary>Port silos talk to each other on.</summary>
    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (standalone gateways) connect to.</summary>
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and gateways reach this silo on (cluster mode); defaults to POD_IP, then 127.0.0.1.</summary>
    public string? AdvertisedIp { get; set; }

    /// <summary>Largest accepted meta, in UTF-8 bytes.</summary>
    [Range(1, 16 * 1024 * 1024)] public int MaxMetaBytes { get; set; } = 256 * 1024;

    /// <summary>Largest accepted body of a batch create (<c>POST /job/{db}/{collection}/batch</c>), in bytes; at most 64 MiB, what the server reads at all.</summary>
    [Range(1024, 64 * 1024 * 1024)] public int MaxBatchBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Grain locations a silo remembers (Orleans' directory cache). Every activation adds one and none leaves when its
    /// grain deactivates, so a node firing hundreds of jobs a second fills it; Orleans' own default, 1,000,000, is
    /// about 300 MB of memory.
    /// </summary>
    [Range(100, 10_000_000)] public int DirectoryCacheSize { get; set; } = 100_000;
}
