using TimerGrid.Gateway.Auth;

namespace TimerGrid.Gateway.Ui;

/// <summary>
/// The dashboard's API key: entered once on <c>/ui/login</c> and kept in a cookie, which this middleware turns into the
/// <c>Authorization</c> header the API key middleware checks, so pages get exactly the API's access rules. Without
/// the cookie, a page sends the browser to the login page. The cookie is HttpOnly, SameSite=Strict and scoped to /ui.
/// </summary>
internal sealed class UiKeyCookie(AuthMode mode) : IMiddleware
{
    public const string Name = "timergrid_key";

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!mode.Enabled || !request.Path.StartsWithSegments(UiEndpoints.Root) || request.Path.StartsWithSegments(UiEndpoints.LoginPath)
            || request.Headers.Authorization.Count > 0)
        {
            return next(context);
        }
        if (request.Cookies[Name] is not { Length: > 0 } key)
        {
            context.Response.Redirect($"{UiEndpoints.LoginPath}?back={Uri.EscapeDataString(request.Path + request.QueryString)}");
            return Task.CompletedTask;
        }
        request.Headers.Authorization = $"Bearer {key}";
        return next(context);
    }

    public static void Set(HttpContext context, string key) => context.Response.Cookies.Append(Name, key, new CookieOptions
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = UiEndpoints.Root,
        MaxAge = TimeSpan.FromDays(30),
    });

    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, new CookieOptions { Path = UiEndpoints.Root });
}
