using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TimerGrid.Gateway.Errors;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>seed 003's <c>/executions</c>: the firings in a time range, one firing, and run now.</summary>
internal static class SchedulerExecutionEndpoints
{
    /// <summary>The most executions one range read returns.</summary>
    public const int RangeLimit = 1000;

    public static RouteGroupBuilder MapSchedulerExecutions(this RouteGroupBuilder api)
    {
        var executions = api.MapGroup("/executions");
        executions.MapGet("/", ListAsync);
        executions.MapGet("/{executionId}", GetAsync);
        // The document's run-now form takes the job id in the body; the web UI puts it in the path.
        executions.MapPost("/", RunNowFromBodyAsync);
        executions.MapPost("/{jobId}", RunNowAsync);
        return executions;
    }

    private static async Task<IResult> ListAsync(
        [FromQuery(Name = "time_range_start")] string? start, [FromQuery(Name = "time_range_end")] string? end, IGrainFactory grains, TimeProvider clock)
    {
        var (from, to) = SchedulerApiTime.ParseRange(start, end, clock.GetUtcNow());
        var query = new RecordQuery
        {
            Db = SchedulerCollection.Db, Collection = SchedulerCollection.Collection, From = from, To = to, Limit = RangeLimit,
        };
        var executions = await Records(grains).GetExecutionsAsync(query);
        var jobs = await JobsOfAsync(grains, executions.Select(e => e.Job));
        return TypedResults.Ok(new SchedulerApiExecutionList([.. executions.Select(e => SchedulerApiExecution.From(e, jobs.GetValueOrDefault(e.Job.Id)))]));
    }

    private static async Task<IResult> GetAsync(string executionId, IGrainFactory grains)
    {
        KeyRules.Require(executionId, "execution_id");
        var execution = await Records(grains).GetExecutionAsync(executionId);
        if (execution is null || !SchedulerCollection.Contains(execution.Job))
        {
            return ApiError.Result(ErrorCodes.ExecutionNotFound, $"no execution '{executionId}'");
        }
        var jobs = await JobsOfAsync(grains, [execution.Job]);
        return TypedResults.Ok(SchedulerApiExecution.From(execution, jobs.GetValueOrDefault(execution.Job.Id)));
    }

    private static async Task<IResult> RunNowFromBodyAsync(HttpRequest request, IGrainFactory grains, IOptions<TimerGridOptions> options)
    {
        using var body = await JsonBody.ReadObjectAsync(request, GatewayLimits.MaxBodyBytes(options.Value));
        return await RunNowAsync(body.RootElement.RequiredString("job_id"), grains);
    }

    private static async Task<IResult> RunNowAsync(string jobId, IGrainFactory grains) =>
        await grains.Job(SchedulerCollection.Key(jobId)).RunNowAsync() is { } executionId
            ? TypedResults.Ok(new SchedulerApiExecutionId(executionId))
            : SchedulerJobEndpoints.NoJob(jobId);

    /// <summary>Each execution shows its job as it is now, one read per distinct job: the jobs that still exist, by id.</summary>
    private static async Task<Dictionary<string, SchedulerApiJob>> JobsOfAsync(IGrainFactory grains, IEnumerable<JobKey> keys)
    {
        var reads = keys.Distinct().Select(async key => await grains.Job(key).GetAsync() is { } job ? SchedulerApiJob.From(job) : null);
        return (await Task.WhenAll(reads)).OfType<SchedulerApiJob>().ToDictionary(job => job.JobId);
    }

    private static IRecordQueryGrain Records(IGrainFactory grains) => grains.GetGrain<IRecordQueryGrain>(0);
}
