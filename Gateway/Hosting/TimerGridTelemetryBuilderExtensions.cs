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
            telemetry.WithMetrics(metrics => metrics
                .AddMeter(TelemetryNames.Meter, TelemetryNames.OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
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
