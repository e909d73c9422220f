using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TimerGrid.Grains.Interfaces.Telemetry;

namespace TimerGrid.Gateway.Hosting;

/// <summary>
/// OpenTelemetry for a silo or gateway: TimerGrid's and Orleans' meters (with ASP.NET Core's and HttpClient's) to the
/// Prometheus scrape endpoint and, configured, to OTLP; traces of requests, grain calls and deliveries to OTLP; JSON
/// console logs when asked for.
/// </summary>
public static class TimerGridTelemetryBuilderExtensions
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddTimerGridTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName));
        if (options.Metrics)
        {
            // Webhook attempts are timergrid.delivery.duration: HttpClient's own meters would only add their cost.
            telemetry.WithMetrics(metrics => metrics
                .AddMeter(TelemetryNames.Meter, TelemetryNames.OrleansMeter)
                .AddMeter(AspNetCoreMeters)
                .AddMeter(RuntimeMeter)
                .AddView(instrument => IsPerMessage(instrument) ? MetricStreamConfiguration.Drop : null)
                .AddPrometheusExporter());
        }
        if (options.TracesOn)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(TelemetryNames.ActivitySource)
                .AddSource(TelemetryNames.OrleansActivitySources)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation());
        }
        if (options.OtlpEndpoint is { } endpoint)
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, endpoint);
        }
        if (options.JsonLogs)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        return builder;
    }

    /// <summary>The runtime's own instruments (GC heap and pause time, thread pool, exceptions), published since .NET 9.</summary>
    private const string RuntimeMeter = "System.Runtime";

    /// <summary>
    /// ASP.NET Core's request, connection and error meters (a key over its rate limit shows as status 429 of the request
    /// duration); not routing's, a count per request of what the request duration already tells.
    /// </summary>
    private static readonly string[] AspNetCoreMeters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics"];

    /// <summary>
    /// Orleans' instruments recorded for every message or directory lookup (sizes, dispatcher and inbound-queue counts):
    /// on the firing path each costs a measurement per grain call, and grain-call latency (<c>orleans-app-requests-latency</c>)
    /// already shows what they would. Failures, drops, expiries and pings stay.
    /// </summary>
    private static bool IsPerMessage(Instrument instrument) =>
        instrument.Meter.Name == TelemetryNames.OrleansMeter
        && (instrument.Name.StartsWith("orleans-messaging-processing-", StringComparison.Ordinal)
            || instrument.Name.StartsWith("orleans-directory-lookups-", StringComparison.Ordinal)
            || instrument.Name is "orleans-messaging-sent-messages-size" or "orleans-messaging-received-messages-size"
                or "orleans-messaging-sent-header-size" or "orleans-messaging-received-header-size" or "orleans-messaging-sent-local");

    /// <summary>Prometheus' text format at <c>/metrics</c>, open like the health probes (it names no job); absent with metrics off.</summary>
    public static WebApplication MapTimerGridMetrics(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.Metrics)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        }
        return app;
    }
}
