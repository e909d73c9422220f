using TimerGrid.Gateway.Errors;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Ui;

/// <summary>
/// The dashboard's forms change jobs: a form posted from another site is refused (a browser names the page a POST
/// comes from in Origin). With keys the cookie is SameSite=Strict too; without keys this is the only guard.
/// </summary>
internal sealed class SameOriginFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null" && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult<object?>(ApiError.Result(ErrorCodes.CrossSiteForm, $"a dashboard form may only be posted from this server's pages, not from {origin}"));
        }
        return next(context);
    }
}
