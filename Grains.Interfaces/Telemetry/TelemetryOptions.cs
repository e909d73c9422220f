namespace TimerGrid.Grains.Interfaces.Telemetry;

/// <summary>Metrics, traces and logs (TimerGrid:Telemetry).</summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "TimerGrid:Telemetry";

    /// <summary>
    /// Collect metrics: <c>/metrics</c>, OTLP and the dashboard's live figures. False leaves TimerGrid's instruments
    /// without a listener, for measuring what they cost on the firing path.
    /// </summary>
    public bool Metrics { get; set; } = true;

    /// <summary>An OTLP collector (http://host:4317 for gRPC); when set, metrics and traces are exported there too.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Record traces; unset: on when <see cref="OtlpEndpoint"/> is set (a trace nobody collects costs for nothing).</summary>
    public bool? Traces { get; set; }

    /// <summary>Log to the console as one JSON object a line, with scopes (the job key among them).</summary>
    public bool JsonLogs { get; set; }

    /// <summary>Whether traces are recorded.</summary>
    public bool TracesOn => Traces ?? OtlpEndpoint is not null;
}
