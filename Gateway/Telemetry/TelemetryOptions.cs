namespace TimerGrid.Gateway.Telemetry;

/// <summary>Where metrics, traces and logs go besides <c>/metrics</c> (TimerGrid:Telemetry).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "TimerGrid:Telemetry";

    /// <summary>An OTLP collector (http://host:4317 for gRPC); when set, metrics and traces are exported there too.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Record traces; unset: on when <see cref="OtlpEndpoint"/> is set (a trace nobody collects costs for nothing).</summary>
    public bool? Traces { get; set; }

    /// <summary>Log to the console as one JSON object a line, with scopes (the job key among them).</summary>
    public bool JsonLogs { get; set; }

    public bool TracesOn => Traces ?? OtlpEndpoint is not null;
}
