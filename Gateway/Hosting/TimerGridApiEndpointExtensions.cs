using TimerGrid.Gateway.Errors;
using TimerGrid.Gateway.Health;
using TimerGrid.Gateway.Native.Jobs;
using TimerGrid.Gateway.Native.Records;
using TimerGrid.Gateway.Native.Routes;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Hosting;

/// <summary>Maps the whole REST surface with its error handling.</summary>
public static class TimerGridApiEndpointExtensions
{
    public static WebApplication MapTimerGridApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(context => context.HttpContext.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ApiError.WriteAsync(context.HttpContext, ErrorCodes.UnknownPath, "no such path"),
            StatusCodes.Status405MethodNotAllowed => ApiError.WriteAsync(context.HttpContext, ErrorCodes.MethodNotAllowed, "method not allowed on this path"),
            _ => ApiError.WriteAsync(context.HttpContext, ErrorCodes.MalformedBody, "bad request"),
        });
        app.MapOpenApi();
        app.MapTimerGridHealthChecks();
        app.MapJobApi();
        app.MapRouteApi();
        app.MapRecordApi();
        return app;
    }
}
