using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Errors;

/// <summary>The one writer of error bodies: <c>{"error": "...", "code": "E…"}</c>, or the seed's own shape where its endpoints ask for it.</summary>
public sealed record ApiError(string Error, string Code)
{
    public static IResult Result(TimerGridError code, string message) => new ShapedResult(code, message);

    public static Task WriteAsync(HttpContext context, TimerGridError code, string message) =>
        CodelessErrorShape.Of(context) is null
            ? WriteOwnAsync(context, code, message)
            : CodelessErrorShape.WriteAsync(context, CodelessErrorShape.StatusFor(code), message);

    /// <summary>For responses that already have their status (body-less fallbacks): the status stays whatever the shape.</summary>
    public static Task WriteKeepingStatusAsync(HttpContext context, TimerGridError code, string message) =>
        CodelessErrorShape.Of(context) is null
            ? WriteOwnAsync(context, code, message)
            : CodelessErrorShape.WriteAsync(context, code.Status, message);

    private static Task WriteOwnAsync(HttpContext context, TimerGridError code, string message)
    {
        context.Response.StatusCode = code.Status;
        return context.Response.WriteAsJsonAsync(new ApiError(message, code.Code));
    }

    /// <summary>The shape is chosen when the result runs, from the endpoint that produced it.</summary>
    private sealed class ShapedResult(TimerGridError code, string message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, code, message);
    }
}
