namespace TimerGrid.Grains.Interfaces.Telemetry;

/// <summary>The names under which TimerGrid publishes metrics and traces, for hosts and exporters to subscribe to.</summary>
public static class TelemetryNames
{
    /// <summary>The meter of every <c>timergrid.*</c> instrument.</summary>
    public const string Meter = "TimerGrid";

    /// <summary>The activity source of TimerGrid's own spans (deliveries).</summary>
    public const string ActivitySource = "TimerGrid";

    /// <summary>The span attribute and log property naming the job: its key <c>db/collection/id</c>.</summary>
    public const string JobAttribute = "timergrid.job";

    /// <summary>Orleans' meter, exported beside ours.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources for grain calls (client and server side).</summary>
    public static readonly string[] OrleansActivitySources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
}
