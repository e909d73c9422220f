using Microsoft.AspNetCore.Authorization;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Keys;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Gateway.Auth;

/// <summary>
/// Lets a request through when its <c>Authorization: Bearer</c> key covers the endpoint's db and role
/// (<see cref="KeyAccess"/>) and names the key as the caller; answers 401 or 403 otherwise, and records the refusal
/// in the audit log (<see cref="ApiKeyRefusals"/>); a key over its rate limit gets 429 (<see cref="KeyRateLimits"/>).
/// Endpoints marked AllowAnonymous (health, OpenAPI) stay open.
/// </summary>
internal sealed class ApiKeyMiddleware(AuthMode mode, ApiKeyAuthenticator authenticator, ApiKeyRefusals refusals, KeyRateLimits limits) : IMiddleware
{
    private const string BearerPrefix = "Bearer ";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!mode.Enabled || context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            await next(context);
            return;
        }
        var (db, role) = KeyAccess.Required(context);
        if (Token(context.Request) is not { } token)
        {
            await refusals.WriteAsync(context, db, ErrorCodes.MissingApiKey, "an API key is required: send the header Authorization: Bearer <key>");
            return;
        }
        var (key, problem) = await authenticator.AuthenticateAsync(token);
        if (key is null)
        {
            await refusals.WriteAsync(context, db, ErrorCodes.InvalidApiKey, problem);
            return;
        }
        RequestContext.Set(CallerContext.UserKey, key.Caller);
        if (db is not null && !ApiKeySpec.Covers(key.Db, db))
        {
            await refusals.WriteAsync(context, db, ErrorCodes.ApiKeyWrongDb, $"API key {key.Id} is for db '{key.Db}', not '{db}'");
            return;
        }
        if (key.Role < role)
        {
            await refusals.WriteAsync(context, db, ErrorCodes.ApiKeyRoleTooLow,
                $"API key {key.Id} has role {ApiKeyRoles.Format(key.Role)}; this request needs {ApiKeyRoles.Format(role)}");
            return;
        }
        context.Features.Set(key);
        if (await limits.TryPassAsync(context, key))
        {
            await next(context);
        }
    }

    /// <summary>The caller's key, when keys are required and the request presented a valid one; null otherwise.</summary>
    public static ApiKeyView? Caller(HttpContext context) => context.Features.Get<ApiKeyView>();

    /// <summary>The token of a single <c>Bearer</c> Authorization header; null when there is none or it has another form.</summary>
    private static string? Token(HttpRequest request)
    {
        var values = request.Headers.Authorization;
        if (values.Count != 1 || values[0] is not { } value || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var token = value[BearerPrefix.Length..].Trim();
        return token.Length == 0 || token.Contains(' ') ? null : token;
    }
}
