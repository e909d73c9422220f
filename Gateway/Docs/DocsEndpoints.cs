using Scalar.AspNetCore;

namespace TimerGrid.Gateway.Docs;

/// <summary>The browsable API reference at <c>/docs</c>, made from our OpenAPI document, served whole by TimerGrid.</summary>
public static class DocsEndpoints
{
    public const string Path = "/docs";

    public static IEndpointConventionBuilder MapDocs(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(Path, o =>
        {
            o.Title = "TimerGrid API";
            o.OpenApiRoutePattern = "/openapi/{documentName}.json";
            // Everything from this server: no fonts from a CDN, no calls home, no hosted AI agent.
            o.DefaultFonts = false;
            o.Telemetry = false;
            o.Agent = new ScalarAgentOptions { Disabled = true };
        }).AllowAnonymous();
}
