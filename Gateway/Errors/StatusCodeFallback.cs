using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Errors;

/// <summary>Gives body-less error responses (unknown path, wrong method, anything a middleware ends early) an error body; the status stays.</summary>
internal static class StatusCodeFallback
{
    public static Task WriteAsync(StatusCodeContext context)
    {
        var status = context.HttpContext.Response.StatusCode;
        var (code, message) = status switch
        {
            StatusCodes.Status400BadRequest => (ErrorCodes.MalformedBody, "bad request"),
            StatusCodes.Status404NotFound => (ErrorCodes.UnknownPath, "no such path"),
            StatusCodes.Status405MethodNotAllowed => (ErrorCodes.MethodNotAllowed, "method not allowed on this path"),
            StatusCodes.Status413PayloadTooLarge => (ErrorCodes.BodyTooLarge, "the body is too large"),
            StatusCodes.Status500InternalServerError => (ErrorCodes.Internal, "internal error"),
            StatusCodes.Status503ServiceUnavailable => (ErrorCodes.StorageUnavailable, "service unavailable; try again"),
            // No catalogue entry of its own (401, 403, 415, 429, ...): the status itself is the code, as E500 and E503 are.
            _ => (new TimerGridError($"E{status}", status), ReasonPhrases.GetReasonPhrase(status).ToLowerInvariant()),
        };
        return ApiError.WriteKeepingStatusAsync(context.HttpContext, code, message);
    }
}
