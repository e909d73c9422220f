using TimerGrid.Gateway.Auth;
using TimerGrid.Gateway.Errors;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>Seed 003's scheduler API: jobs, executions and audit logs, in the document's shapes and error shape.</summary>
public static class SchedulerApi
{
    /// <summary>v1 as the document says; v2 is where the scheduler's own web UI calls the same API.</summary>
    private static readonly string[] Versions = ["v1", "v2"];

    public static IEndpointRouteBuilder MapSchedulerApi(this IEndpointRouteBuilder app)
    {
        foreach (var version in Versions)
        {
            var api = app.MapGroup($"{CodelessErrorShape.Scheduler.PathRoot}/{version}")
                .WithTags("Scheduler (seed 003)")
                .WithMetadata(CodelessErrorShape.Scheduler, KeyAccess.InDb(SchedulerCollection.Db));
            api.MapSchedulerJobs();
            api.MapSchedulerExecutions();
            api.MapSchedulerLogs();
        }
        return app;
    }
}
