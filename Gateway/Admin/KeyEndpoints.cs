using TimerGrid.Gateway.Auth;
using TimerGrid.Gateway.Errors;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Keys;

namespace TimerGrid.Gateway.Admin;

/// <summary>
/// API key management, <c>/admin/keys</c>, for admin keys. An admin key of one db manages that db's keys only;
/// one of all dbs (or the bootstrap key) manages every key. With keys off, anyone who reaches the node may.
/// </summary>
public static class KeyEndpoints
{
    private const long MaxBodyBytes = 4 * 1024;

    public static RouteGroupBuilder MapKeyApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/admin/keys").WithTags("API keys").WithMetadata(KeyAccess.Admin);
        keys.MapPost("/", CreateAsync);
        keys.MapGet("/", ListAsync);
        keys.MapDelete("/{id}", RevokeAsync);
        return keys;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, IGrainFactory grains, ApiKeyRefusals refusals)
    {
        using var body = await JsonBody.ReadObjectAsync(request, MaxBodyBytes);
        var spec = KeyRequest.Parse(body.RootElement);
        if (OutOfScope(request.HttpContext, spec.Db, refusals) is { } refused)
        {
            return refused;
        }
        // Not retried: a call that timed out may have created a key whose material no one will ever see.
        var created = await Registry(grains).CreateAsync(spec);
        return TypedResults.Created($"/admin/keys/{created.Key.Id}", CreatedKeyResponse.From(created));
    }

    private static async Task<IResult> ListAsync(HttpContext context, IGrainFactory grains)
    {
        var scope = ApiKeyMiddleware.Caller(context)?.Db is { } db and not ApiKeySpec.AllDbs ? db : null;
        var keys = await Registry(grains).ListAsync(scope);
        return TypedResults.Ok(new KeyList(keys.Select(KeyResponse.From)));
    }

    private static async Task<IResult> RevokeAsync(string id, HttpContext context, IGrainFactory grains, ApiKeyRefusals refusals)
    {
        var key = ApiKeyToken.IsId(id) ? await grains.GetGrain<IApiKeyGrain>(id).GetAsync() : null;
        if (key is null)
        {
            return ApiError.Result(ErrorCodes.ApiKeyNotFound, $"no API key '{id}'");
        }
        if (OutOfScope(context, key.Db, refusals) is { } refused)
        {
            return refused;
        }
        var revoked = await grains.GetGrain<IApiKeyGrain>(id).RevokeAsync();
        return revoked is null ? ApiError.Result(ErrorCodes.ApiKeyNotFound, $"no API key '{id}'") : TypedResults.Ok(KeyResponse.From(revoked));
    }

    /// <summary>A 403 (audited) when the caller's key is an admin of another db than <paramref name="db"/>.</summary>
    private static IResult? OutOfScope(HttpContext context, string db, ApiKeyRefusals refusals) =>
        ApiKeyMiddleware.Caller(context) is { } caller && !ApiKeySpec.Covers(caller.Db, db)
            ? refusals.Result(db, ErrorCodes.ApiKeyWrongDb, $"API key {caller.Id} manages the keys of db '{caller.Db}' only, not of '{db}'")
            : null;

    private static IApiKeyRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<IApiKeyRegistryGrain>(0);
}
