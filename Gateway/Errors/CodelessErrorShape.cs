using Microsoft.AspNetCore.Diagnostics;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Errors;

/// <summary>
/// Endpoint metadata for a seed surface with its own error shape, <c>{"error": "..."}</c> without a code.
/// Body-less fallbacks (unknown path, wrong method) have no endpoint to carry it, so the shape also claims its path root.
/// </summary>
public sealed class CodelessErrorShape(string pathRoot)
{
    /// <summary>Seed 003, the scheduler API under <c>/api</c>.</summary>
    public static readonly CodelessErrorShape Scheduler = new("/api");

    private static readonly CodelessErrorShape[] All = [Scheduler];

    /// <summary>The path every endpoint of this surface lives under.</summary>
    public string PathRoot { get; } = pathRoot;

    /// <summary>The shape the response to this request must have, or null for TimerGrid's own.</summary>
    public static CodelessErrorShape? Of(HttpContext context)
    {
        // The exception handler runs after the endpoint was cleared from the context; its feature keeps it.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        return endpoint?.Metadata.GetMetadata<CodelessErrorShape>()
            ?? Array.Find(All, shape => context.Request.Path.StartsWithSegments(shape.PathRoot));
    }

    /// <summary>seed 003 documents only 400 and 500: every client error is a 400 there, unknown ids included.</summary>
    public static int StatusFor(TimerGridError code) => code.Status is >= 400 and < 500 ? StatusCodes.Status400BadRequest : code.Status;

    /// <summary>Writes the seed's error body with <paramref name="status"/>.</summary>
    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new CodelessError(status == StatusCodes.Status500InternalServerError ? "server side error" : message));
    }
}
