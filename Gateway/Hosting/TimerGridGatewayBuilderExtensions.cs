using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using TimerGrid.Gateway.Errors;
using TimerGrid.Gateway.Health;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Gateway.Hosting;

/// <summary>Services of the REST surface, shared by the single-node silo and the standalone gateway.</summary>
public static class TimerGridGatewayBuilderExtensions
{
    public static WebApplicationBuilder AddTimerGridGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddTimerGridOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = GatewayLimits.HardBodyBytes);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSingleton<IOutgoingGrainCallFilter, Retries.IdempotentCallRetry>();   // the gateway's grain calls, silo or client
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddTimerGridHealthChecks();
        builder.AddTimerGridAuth();
        builder.AddTimerGridUi();
        return builder;
    }
}
