using Microsoft.Extensions.Options;
using TimerGrid.Gateway.Errors;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Listing;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>seed 003's <c>/jobs</c>: list, create, get, modify, delete, pause (PATCH) and resume (OPTIONS).</summary>
internal static class SchedulerJobEndpoints
{
    public static RouteGroupBuilder MapSchedulerJobs(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs");
        jobs.MapGet("/", ListAsync);
        jobs.MapPost("/", CreateAsync);
        jobs.MapGet("/{jobId}", GetAsync);
        jobs.MapPut("/{jobId}", ReplaceAsync);
        jobs.MapDelete("/{jobId}", DeleteAsync);
        jobs.MapPatch("/{jobId}", PauseAsync);
        // seed 003: OPTIONS resumes the job. It is the API here, not a CORS preflight.
        jobs.MapMethods("/{jobId}", [HttpMethods.Options], ResumeAsync);
        return jobs;
    }

    private static async Task<IResult> ListAsync(IGrainFactory grains)
    {
        var jobs = await grains.GetGrain<IListingGrain>(0).ListAllJobsAsync(SchedulerCollection.Db, SchedulerCollection.Collection);
        return TypedResults.Ok(new SchedulerApiJobList([.. jobs.Select(SchedulerApiJobResponse.From)]));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, IGrainFactory grains, IOptions<TimerGridOptions> options)
    {
        using var body = await JsonBody.ReadObjectAsync(request, GatewayLimits.MaxBodyBytes(options.Value));
        var jobId = SchedulerCollection.NewJobId();
        var spec = SchedulerApiJobRequest.Parse(body.RootElement, jobId);
        await grains.Job(SchedulerCollection.Key(jobId)).CreateAsync(spec);
        return TypedResults.Created($"{request.PathBase}{request.Path.Value!.TrimEnd('/')}/{jobId}", new SchedulerApiJobId(jobId));
    }

    private static async Task<IResult> GetAsync(string jobId, IGrainFactory grains) =>
        await grains.Job(SchedulerCollection.Key(jobId)).GetAsync() is { } job ? TypedResults.Ok(SchedulerApiJobResponse.From(job)) : NoJob(jobId);

    private static async Task<IResult> ReplaceAsync(string jobId, HttpRequest request, IGrainFactory grains, IOptions<TimerGridOptions> options)
    {
        var key = SchedulerCollection.Key(jobId);
        using var body = await JsonBody.ReadObjectAsync(request, GatewayLimits.MaxBodyBytes(options.Value));
        var spec = SchedulerApiJobRequest.Parse(body.RootElement, jobId);
        return Answer(jobId, await grains.Job(key).ReplaceAsync(spec));
    }

    private static async Task<IResult> DeleteAsync(string jobId, IGrainFactory grains) =>
        Answer(jobId, await grains.Job(SchedulerCollection.Key(jobId)).DeleteAsync() != DeleteOutcome.NotFound);

    private static async Task<IResult> PauseAsync(string jobId, IGrainFactory grains) =>
        Answer(jobId, await grains.Job(SchedulerCollection.Key(jobId)).PauseAsync());

    private static async Task<IResult> ResumeAsync(string jobId, IGrainFactory grains) =>
        Answer(jobId, await grains.Job(SchedulerCollection.Key(jobId)).ResumeAsync());

    private static IResult Answer(string jobId, bool found) => found ? TypedResults.Ok(new SchedulerApiJobId(jobId)) : NoJob(jobId);

    /// <summary>A 400 under seed 003, as its document says for unknown ids.</summary>
    public static IResult NoJob(string jobId) => ApiError.Result(ErrorCodes.JobNotFound, $"no job '{jobId}'");
}
