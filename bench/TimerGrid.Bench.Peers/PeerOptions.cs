using System.ComponentModel.DataAnnotations;

namespace TimerGrid.Bench.Peers;

/// <summary>The <c>Peer</c> configuration section: which scheduler, configured how, on which database.</summary>
internal sealed class PeerOptions
{
    public const string Section = "Peer";

    /// <summary><c>hangfire</c> or <c>quartz</c>.</summary>
    [Required] public string Scheduler { get; set; } = "";

    /// <summary><c>default</c>: as the scheduler's documentation recommends; <c>tuned</c>: as aggressive as it allows.</summary>
    [Required] public string Profile { get; set; } = "default";

    [Required] public string ConnectionString { get; set; } = "";

    /// <summary>The bench receiver every job calls.</summary>
    [Required] public string WebhookUrl { get; set; } = "";

    public bool Tuned => Profile switch
    {
        "default" => false,
        "tuned" => true,
        _ => throw new InvalidOperationException($"Peer:Profile must be 'default' or 'tuned', not '{Profile}'"),
    };
}
