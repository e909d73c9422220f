using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Errors;

/// <summary>The one writer of error bodies: <c>{"error": "...", "code": "E…"}</c>.</summary>
public sealed record ApiError(string Error, string Code)
{
    public static IResult Result(TimerGridError code, string message) =>
        TypedResults.Json(new ApiError(message, code.Code), statusCode: code.Status);

    public static Task WriteAsync(HttpContext context, TimerGridError code, string message)
    {
        context.Response.StatusCode = code.Status;
        return context.Response.WriteAsJsonAsync(new ApiError(message, code.Code));
    }
}
