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
            // The call was sent and may have run, or still be running: only the other silo faults are refusals.
            TimeoutException => (ErrorCodes.ClusterTimeout,
                "the cluster did not answer in time; the request may still have been carried out: read it back before sending it again"),
            _ when ClusterFaults.IsSiloFault(exception)
                => (ErrorCodes.StorageUnavailable, "the cluster could not take the request; nothing was changed, try again"),
            _ when ClusterFaults.IsStorageFault(exception) => (ErrorCodes.StorageUnavailable, "the storage is unavailable; try again"),
            _ => (ErrorCodes.Internal, "internal error"),
        };
        if (code.Status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(context.Request.Method, context.Request.Path, exception);
        }
        if (code.Status is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout)
        {
            context.Response.Headers.RetryAfter = "1";
        }
        await ApiError.WriteAsync(context, code, message);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private partial void LogUnhandled(string method, string path, Exception exception);
}
