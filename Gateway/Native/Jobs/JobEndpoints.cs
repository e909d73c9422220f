using Microsoft.AspNetCore.Http.HttpResults;
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
        var jobs = app.MapGroup("/job/{db}/{collection}").WithTags("Jobs").ProducesApiErrors(ApiErrorStatuses.AnyEndpoint);
        jobs.MapPost("/", CreateAsync).ProducesApiErrors(StatusCodes.Status413PayloadTooLarge);
        jobs.MapGet("/{id}", GetAsync);
        jobs.MapPut("/{id}", ReplaceAsync).ProducesApiErrors(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);
        jobs.MapPatch("/{id}", PatchAsync).ProducesApiErrors(StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge);
        jobs.MapDelete("/{id}", DeleteAsync);
        jobs.MapPost("/{id}/pause", PauseAsync);
        jobs.MapPost("/{id}/resume", ResumeAsync);
        jobs.MapPost("/{id}/run", RunNowAsync);
        jobs.MapPost("/{id}/replay", ReplayAsync).ProducesApiErrors(StatusCodes.Status409Conflict);
        jobs.MapPost("/pause", (string db, string collection, IGrainFactory grains) => SetCollectionEnabledAsync(db, collection, false, grains));
        jobs.MapPost("/resume", (string db, string collection, IGrainFactory grains) => SetCollectionEnabledAsync(db, collection, true, grains));
        return jobs;
    }

    private static async Task<Results<Ok<StatusOk>, Conflict<ApiError>>> CreateAsync(string db, string collection, HttpRequest request, IGrainFactory grains, IOptions<TimerGridOptions> options)
    {
        using var body = await JsonBody.ReadObjectAsync(request, GatewayLimits.MaxBodyBytes(options.Value));
        var (id, spec) = JobRequest.ParseCreate(body.RootElement);
        var key = new JobKey(db, collection, id);
        JobSpecRules.Validate(key, spec, options.Value.MaxMetaBytes);
        return await Job(grains, key).CreateAsync(spec) == CreateOutcome.Conflict
            ? ApiError.Conflict(ErrorCodes.JobExists, $"job '{key.Id}' exists with a different body; use PUT to change it")
            : StatusOk.Result;
    }

    private static async Task<Results<Ok<JobResponse>, NotFound<ApiError>>> GetAsync(string db, string collection, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, collection, id);
        return await Job(grains, key).GetAsync() is { } job ? TypedResults.Ok(JobResponse.From(job)) : NotFound(key);
    }

    private static async Task<Results<Ok<StatusOk>, NotFound<ApiError>>> ReplaceAsync(string db, string collection, string id, HttpRequest request, IGrainFactory grains, IOptions<TimerGridOptions> options)
    {
        var key = ValidKey(db, collection, id);
        using var body = await JsonBody.ReadObjectAsync(request, GatewayLimits.MaxBodyBytes(options.Value));
        var (bodyId, spec) = JobRequest.Parse(body.RootElement);
        RequirePathId(bodyId, id);
        JobSpecRules.Validate(key, spec, options.Value.MaxMetaBytes);
        return await Job(grains, key).ReplaceAsync(spec) ? StatusOk.Result : NotFound(key);
    }

    /// <summary>The grain validates the job as patched: only it knows the fields not given.</summary>
    private static async Task<Results<Ok<StatusOk>, NotFound<ApiError>>> PatchAsync(string db, string collection, string id, HttpRequest request, IGrainFactory grains, IOptions<TimerGridOptions> options)
    {
        var key = ValidKey(db, collection, id);
        using var body = await JsonBody.ReadObjectAsync(request, GatewayLimits.MaxBodyBytes(options.Value));
        var (bodyId, patch) = JobRequest.ParsePatch(body.RootElement);
        RequirePathId(bodyId, id);
        return await Job(grains, key).PatchAsync(patch) ? StatusOk.Result : NotFound(key);
    }

    private static async Task<Results<Ok<DeleteResponse>, NotFound<ApiError>>> DeleteAsync(string db, string collection, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, collection, id);
        return await Job(grains, key).DeleteAsync() switch
        {
            DeleteOutcome.Deleted => TypedResults.Ok(DeleteResponse.Done(id)),
            DeleteOutcome.Queued => TypedResults.Ok(DeleteResponse.Queued(id)),
            _ => NotFound(key),
        };
    }

    private static async Task<Results<Ok<StatusOk>, NotFound<ApiError>>> PauseAsync(string db, string collection, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, collection, id);
        return await Job(grains, key).PauseAsync() ? StatusOk.Result : NotFound(key);
    }

    private static async Task<Results<Ok<StatusOk>, NotFound<ApiError>>> ResumeAsync(string db, string collection, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, collection, id);
        return await Job(grains, key).ResumeAsync() ? StatusOk.Result : NotFound(key);
    }

    private static async Task<Results<Ok<RunNowResponse>, NotFound<ApiError>>> RunNowAsync(string db, string collection, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, collection, id);
        return await Job(grains, key).RunNowAsync() is { } executionId ? TypedResults.Ok(new RunNowResponse(executionId)) : NotFound(key);
    }

    private static async Task<Results<Ok<RunNowResponse>, NotFound<ApiError>>> ReplayAsync(string db, string collection, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, collection, id);
        return await Job(grains, key).ReplayAsync() is { } executionId ? TypedResults.Ok(new RunNowResponse(executionId)) : NotFound(key);
    }

    private static async Task<Ok<CollectionChangeResponse>> SetCollectionEnabledAsync(string db, string collection, bool enabled, IGrainFactory grains)
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

    private static NotFound<ApiError> NotFound(JobKey key) =>
        ApiError.NotFound(ErrorCodes.JobNotFound, $"no job '{key.Id}' in {key.Db}/{key.Collection}");
}
