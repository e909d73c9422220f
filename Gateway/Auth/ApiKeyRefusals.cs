using Microsoft.Net.Http.Headers;
using TimerGrid.Gateway.Errors;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Keys;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Gateway.Auth;

/// <summary>
/// A 401 or 403 in the error shape, logged and recorded in the audit log against the db asked for, with the caller
/// of the request context (the key's name and id, or anonymous). Never with the key's material.
/// </summary>
internal sealed partial class ApiKeyRefusals(IGrainFactory grains, ILogger<ApiKeyRefusals> logger)
{
    /// <summary>The refusal as an endpoint's result.</summary>
    public IResult Result(string? db, TimerGridError code, string message) => new Refusal(this, db, code, message);

    public async Task WriteAsync(HttpContext context, string? db, TimerGridError code, string message)
    {
        var request = $"{context.Request.Method} {context.Request.Path}";
        LogRefused(request, code.Code, CallerContext.User);
        await grains.GetGrain<IApiKeyRegistryGrain>(0).RecordRefusalAsync(db ?? ApiKeySpec.AllDbs, $"{code.Status} {code.Code} {request}: {message}");
        if (code.Status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        }
        await ApiError.WriteKeepingStatusAsync(context, code, message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Request}: {Code} for {Caller}")]
    private partial void LogRefused(string request, string code, string caller);

    private sealed class Refusal(ApiKeyRefusals refusals, string? db, TimerGridError code, string message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => refusals.WriteAsync(httpContext, db, code, message);
    }
}
