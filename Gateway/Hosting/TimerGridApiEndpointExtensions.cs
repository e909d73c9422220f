using TimerGrid.Gateway.Admin;
using TimerGrid.Gateway.Docs;
using TimerGrid.Gateway.Errors;
using TimerGrid.Gateway.Health;
using TimerGrid.Gateway.Native.Jobs;
using TimerGrid.Gateway.Native.Records;
using TimerGrid.Gateway.Native.Routes;
using TimerGrid.Gateway.Queue;
using TimerGrid.Gateway.Scheduler;
using TimerGrid.Gateway.Ui;

namespace TimerGrid.Gateway.Hosting;

/// <summary>Maps the whole REST surface with its error handling.</summary>
public static class TimerGridApiEndpointExtensions
{
    public static WebApplication MapTimerGridApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeFallback.WriteAsync);
        app.UseTimerGridUiKeyCookie();
        app.UseTimerGridAuth();
        app.MapOpenApi().AllowAnonymous();
        app.MapDocs();
        app.MapTimerGridMetrics();
        app.MapTimerGridHealthChecks();
        app.MapKeyApi();
        app.MapJobApi();
        app.MapJobBatchApi();
        app.MapJobListApi();
        app.MapRouteApi();
        app.MapRecordApi();
        app.MapSchedulerApi();
        app.MapQueueApi();
        app.MapTimerGridUi();
        return app;
    }
}
