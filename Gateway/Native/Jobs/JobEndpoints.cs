using Microsoft.Extensions.Options;
using TimerGrid.Gateway.Errors;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>The seed's job API: <c>/job/{db}/{collection}[/{id}]</c>.</summary>
public static class JobEndpoints
{
    public static RouteGroupBuilder MapJobApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/job/{db}/{collection}").WithTags("Jobs");
        jobs.MapPost("/", CreateAsync);
        jobs.MapGet("/{id}", GetAsync);
        jobs.MapPut("/{id}", ReplaceAsync);
        jobs.MapPatch("/{id}", PatchAsync);
        jobs.MapDelete("/{id}", DeleteAsync);
        jobs.MapPost("/{id}/pause", PauseAsync);
        jobs.MapPost("/{id}/resume", ResumeAsync);
        jobs.MapPost("/{id}/run", RunNowAsync);
        jobs.MapPost("/{id}/replay", ReplayAsync);
        jobs.MapPost("/pause", (string db, string collection, IGrainFactory grains) => SetCollectionEnabledAsync(db, collection, false, grains));
        jobs.MapPost("/resume", (string db, string collection, IGrainFactory grains) => SetCollectionEnabledAsync(db, collection, true, grains));
        return jobs;
    }

    private static async Task<IResult> CreateAsync(string db, string collection, HttpRequest request, IGrainFactory grains, IOptions<TimerGridOptions> options)
    {
        using var body = await JsonBody.ReadObjectAsync(request, GatewayLimits.MaxBodyBytes(options.Value));
        var (id, spec) = JobRequest.Parse(body.RootElement);
        var key = new JobKey(db, collection, id ?? throw new TimerGridException(ErrorCodes.MissingField, "id is required"));
        JobSpecRules.Validate(key, spec, options.Value.MaxMetaBytes);
        return await Job(grains, key).CreateAsync(spec) == CreateOutcome.Conflict
            ? ApiError.Result(ErrorCodes.JobExists, $"job '{key.Id}' exists with a different body; use PUT to change it")
            : Ok;
    }

    private static async Task<IResult> GetAsync(string db, string collection, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, collection, id);
        return await Job(grains, key).GetAsync() is { } job ? TypedResults.Ok(JobResponse.From(job)) : NotFound(key);
    }

    private static async Task<IResult> ReplaceAsync(string db, string collection, string id, HttpRequest request, IGrainFactory grains, IOptions<TimerGridOptions> options)
    {
        var key = ValidKey(db, collection, id);
        using var body = await JsonBody.ReadObjectAsync(request, GatewayLimits.MaxBodyBytes(options.Value));
        var (bodyId, spec) = JobRequest.Parse(body.RootElement);
        RequirePathId(bodyId, id);
        JobSpecRules.Validate(key, spec, options.Value.MaxMetaBytes);
        return await Job(grains, key).ReplaceAsync(spec) ? Ok : NotFound(key);
    }

    /// <summary>The grain validates the job as patched: only it knows the fields not given.</summary>
    private static async Task<IResult> PatchAsync(string db, string collection, string id, HttpRequest request, IGrainFactory grains, IOptions<TimerGridOptions> options)
    {
        var key = ValidKey(db, collection, id);
        using var body = await JsonBody.ReadObjectAsync(request, GatewayLimits.MaxBodyBytes(options.Value));
        var (bodyId, patch) = JobRequest.ParsePatch(body.RootElement);
        RequirePathId(bodyId, id);
        return await Job(grains, key).PatchAsync(patch) ? Ok : NotFound(key);
    }

    private static async Task<IResult> DeleteAsync(string db, string collection, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, collection, id);
        return await Job(grains, key).DeleteAsync() switch
        {
            DeleteOutcome.Deleted => TypedResults.Ok(DeleteResponse.Done(id)),
            DeleteOutcome.Queued => TypedResults.Ok(DeleteResponse.Queued(id)),
            _ => NotFound(key),
        };
    }

    private static async Task<IResult> PauseAsync(string db, string collection, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, collection, id);
        return await Job(grains, key).PauseAsync() ? Ok : NotFound(key);
    }

    private static async Task<IResult> ResumeAsync(string db, string collection, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, collection, id);
        return await Job(grains, key).ResumeAsync() ? Ok : NotFound(key);
    }

    private static async Task<IResult> RunNowAsync(string db, string collection, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, collection, id);
        return await Job(grains, key).RunNowAsync() is { } executionId ? TypedResults.Ok(new RunNowResponse(executionId)) : NotFound(key);
    }

    private static async Task<IResult> ReplayAsync(string db, string collection, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, collection, id);
        return await Job(grains, key).ReplayAsync() is { } executionId ? TypedResults.Ok(new RunNowResponse(executionId)) : NotFound(key);
    }

    private static async Task<IResult> SetCollectionEnabledAsync(string db, string collection, bool enabled, IGrainFactory grains)
    {
        KeyRules.Require(db, "db");
        KeyRules.Require(collection, "collection");
        var changed = await grains.GetGrain<ICollectionGrain>($"{db}/{collection}").SetEnabledAsync(enabled);
        return TypedResults.Ok(new CollectionChangeResponse("ok", changed));
    }

    internal static JobKey ValidKey(string db, string collection, string id)
    {
        KeyRules.Require(db, "db");
        KeyRules.Require(collection, "collection");
        KeyRules.Require(id, "id");
        return new JobKey(db, collection, id);
    }

    private static void RequirePathId(string? bodyId, string id)
    {
        if (bodyId is not null && bodyId != id)
        {
            throw new TimerGridException(ErrorCodes.IdMismatch, $"the body's id '{bodyId}' differs from the path's '{id}'");
        }
    }

    private static IJobGrain Job(IGrainFactory grains, JobKey key) => grains.GetGrain<IJobGrain>(key.ToString());

    private static IResult NotFound(JobKey key) =>
        ApiError.Result(ErrorCodes.JobNotFound, $"no job '{key.Id}' in {key.Db}/{key.Collection}");

    private static IResult Ok => StatusOk.Result;
}
