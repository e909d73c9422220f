using Microsoft.AspNetCore.Http.HttpResults;
using TimerGrid.Gateway.Ui.Pages;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Ui;

/// <summary>
/// A dashboard page asked for with a bad db, id or cursor answers a page saying so, with the error's code and status,
/// not the API's JSON: a person reads it in a browser. Errors of 500 and above stay the API's.
/// </summary>
internal sealed class UiErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (TimerGridException e) when (e.Error.Status < 500)
        {
            return new RazorComponentResult<ErrorPage>(new { Error = $"{e.Message} ({e.Error.Code})" }) { StatusCode = e.Error.Status };
        }
    }
}
