using Microsoft.AspNetCore.Http.HttpResults;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Errors;

/// <summary>The one writer of error bodies: <c>{"error": "...", "code": "E…"}</c>, or the seed's own shape where its endpoints ask for it.</summary>
public sealed record ApiError(string Error, string Code)
{
    public static IResult Result(TimerGridError code, string message) => new ShapedResult(code, message);

    /// <summary>A 404 whose type the OpenAPI document shows; only for endpoints in TimerGrid's own shape.</summary>
    public static NotFound<ApiError> NotFound(TimerGridError code, string message) =>
        TypedResults.NotFound(Own(code, message, StatusCodes.Status404NotFound));

    /// <summary>A 409 whose type the OpenAPI document shows; only for endpoints in TimerGrid's own shape.</summary>
    public static Conflict<ApiError> Conflict(TimerGridError code, string message) =>
        TypedResults.Conflict(Own(code, message, StatusCodes.Status409Conflict));

    private static ApiError Own(TimerGridError code, string message, int status) =>
        code.Status == status ? new ApiError(message, code.Code) : throw new ArgumentException($"{code.Code} is a {code.Status}, not a {status}", nameof(code));

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
