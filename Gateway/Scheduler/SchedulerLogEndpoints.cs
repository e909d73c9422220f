using Microsoft.AspNetCore.Mvc;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>seed 003's <c>/logs</c>: the audit log in a time range.</summary>
internal static class SchedulerLogEndpoints
{
    public static RouteGroupBuilder MapSchedulerLogs(this RouteGroupBuilder api)
    {
        var logs = api.MapGroup("/logs");
        logs.MapGet("/", ListAsync);
        return logs;
    }

    private static async Task<IResult> ListAsync(
        [FromQuery(Name = "time_range_start")] string? start, [FromQuery(Name = "time_range_end")] string? end, IGrainFactory grains, TimeProvider clock)
    {
        var (from, to) = SchedulerApiTime.ParseRange(start, end, clock.GetUtcNow());
        var query = new RecordQuery
        {
            Db = SchedulerCollection.Db, Collection = SchedulerCollection.Collection, From = from, To = to,
            Limit = SchedulerExecutionEndpoints.RangeLimit,
        };
        var entries = await grains.GetGrain<IRecordQueryGrain>(0).GetAuditAsync(query);
        return TypedResults.Ok(new SchedulerApiLogList([.. entries.Select(SchedulerApiLog.From)]));
    }
}
