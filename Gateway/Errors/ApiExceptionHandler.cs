using Microsoft.AspNetCore.Diagnostics;
using TimerGrid.Gateway.Retries;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Errors;

/// <summary>Turns every exception into the error shape. Only unknown exceptions are 500s, and those are bugs.</summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (code, message) = exception switch
        {
            TimerGridException e => (e.Error, e.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (ErrorCodes.BodyTooLarge, "the body is too large"),
            BadHttpRequestException e => (ErrorCodes.MalformedBody, e.Message),
            _ when ClusterFaults.IsSiloFault(exception)
                => (ErrorCodes.StorageUnavailable, "the cluster did not answer in time; nothing was changed, try again"),
            _ when ClusterFaults.IsStorageFault(exception) => (ErrorCodes.StorageUnavailable, "the storage is unavailable; try again"),
            _ => (ErrorCodes.Internal, "internal error"),
        };
        if (code == ErrorCodes.Internal || code == ErrorCodes.StorageUnavailable)
        {
            LogUnhandled(context.Request.Method, context.Request.Path, exception);
        }
        if (code == ErrorCodes.StorageUnavailable)
        {
            context.Response.Headers.RetryAfter = "1";
        }
        await ApiError.WriteAsync(context, code, message);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private partial void LogUnhandled(string method, string path, Exception exception);
}
