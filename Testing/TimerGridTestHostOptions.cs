namespace TimerGrid.Testing;

/// <summary>How <see cref="TimerGridTestHost.StartAsync"/> starts the node.</summary>
public sealed class TimerGridTestHostOptions
{
    /// <summary>Where the test clock starts; the real time now, to the millisecond, when not set.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>
    /// When true, the test clock moves on its own as real time passes (firing what comes due, as a real node would).
    /// Off by default: time passes only in <see cref="TimerGridTestHost.AdvanceAsync"/>.
    /// </summary>
    public bool AutoAdvance { get; set; }

    /// <summary>
    /// Configuration of the node, as <c>--Key=value</c> would give it (e.g. <c>["TimerGrid:Delivery:MaxAttempts"] = "3"</c>):
    /// the README's Configuration section lists the keys. The data dir and ports are the host's own.
    /// </summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>More for the silo: services your grains need, say. Grain classes of your test assembly are found without it.</summary>
    public Action<ISiloBuilder>? ConfigureSilo { get; set; }

    /// <summary>
    /// How long an advance waits for due jobs that make no progress (a receiver of your own that never answers) before it
    /// throws <see cref="TimeoutException"/> naming them.
    /// </summary>
    public TimeSpan SettleTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
