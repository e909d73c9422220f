using Microsoft.AspNetCore.Http.HttpResults;
using TimerGrid.Gateway.Errors;
using TimerGrid.Gateway.Json;
using TimerGrid.Gateway.Native.Paging;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Listing;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Native.Routes;

/// <summary>The seed's route API: <c>/route/{db}[/{id}]</c>, and the listing of a db's routes.</summary>
public static class RouteEndpoints
{
    /// <summary>A route body is small: a URL and a secret.</summary>
    private const long MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapRouteApi(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup("/route/{db}").WithTags("Routes").ProducesApiErrors(ApiErrorStatuses.AnyEndpoint);
        routes.MapPost("/", CreateAsync).ProducesApiErrors(StatusCodes.Status413PayloadTooLarge);
        routes.MapGet("/", ListAsync);
        routes.MapGet("/{id}", GetAsync);
        routes.MapPut("/{id}", ReplaceAsync).ProducesApiErrors(StatusCodes.Status413PayloadTooLarge);
        routes.MapDelete("/{id}", DeleteAsync);
        return routes;
    }

    private static async Task<Results<Ok<StatusOk>, Conflict<ApiError>>> CreateAsync(string db, HttpRequest request, IGrainFactory grains)
    {
        using var body = await JsonBody.ReadObjectAsync(request, MaxBodyBytes);
        var (id, spec) = RouteRequest.Parse(body.RootElement);
        var key = new RouteKey(db, id ?? throw new TimerGridException(ErrorCodes.MissingField, "id is required"));
        RouteSpecRules.Validate(key, spec);
        return await Route(grains, key).CreateAsync(spec) == CreateOutcome.Conflict
            ? ApiError.Conflict(ErrorCodes.RouteExists, $"route '{key.Id}' exists with a different body; use PUT to change it")
            : StatusOk.Result;
    }

    /// <summary>The db's routes by id, paged as job listings are.</summary>
    private static async Task<Ok<RoutePageResponse>> ListAsync(string db, HttpRequest request, IGrainFactory grains)
    {
        var paging = PagingQuery.Parse(request);
        var page = await grains.GetGrain<IListingGrain>(0).ListRoutesAsync(db, paging);
        return TypedResults.Ok(new RoutePageResponse(page.Count, page.Items.Count, PagingQuery.PageNumber(paging),
            page.Items.Select(RouteResponse.From), page.NextCursor));
    }

    private static async Task<Results<Ok<RouteResponse>, NotFound<ApiError>>> GetAsync(string db, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, id);
        return await Route(grains, key).GetAsync() is { } route ? TypedResults.Ok(RouteResponse.From(route)) : NotFound(key);
    }

    private static async Task<Results<Ok<StatusOk>, NotFound<ApiError>>> ReplaceAsync(string db, string id, HttpRequest request, IGrainFactory grains)
    {
        var key = ValidKey(db, id);
        using var body = await JsonBody.ReadObjectAsync(request, MaxBodyBytes);
        var (bodyId, spec) = RouteRequest.Parse(body.RootElement);
        if (bodyId is not null && bodyId != id)
        {
            throw new TimerGridException(ErrorCodes.IdMismatch, $"the body's id '{bodyId}' differs from the path's '{id}'");
        }
        RouteSpecRules.Validate(key, spec);
        return await Route(grains, key).ReplaceAsync(spec) ? StatusOk.Result : NotFound(key);
    }

    private static async Task<Results<Ok<StatusOk>, NotFound<ApiError>>> DeleteAsync(string db, string id, IGrainFactory grains)
    {
        var key = ValidKey(db, id);
        return await Route(grains, key).DeleteAsync() ? StatusOk.Result : NotFound(key);
    }

    private static RouteKey ValidKey(string db, string id)
    {
        KeyRules.Require(db, "db");
        KeyRules.Require(id, "id");
        return new RouteKey(db, id);
    }

    private static IRouteGrain Route(IGrainFactory grains, RouteKey key) => grains.GetGrain<IRouteGrain>(key.ToString());

    private static NotFound<ApiError> NotFound(RouteKey key) => ApiError.NotFound(ErrorCodes.RouteNotFound, $"no route '{key.Id}' in db '{key.Db}'");
}
