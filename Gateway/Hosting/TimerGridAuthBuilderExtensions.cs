using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TimerGrid.Gateway.Auth;

namespace TimerGrid.Gateway.Hosting;

/// <summary>API keys and the rate limit per key, in front of every endpoint not marked AllowAnonymous.</summary>
public static class TimerGridAuthBuilderExtensions
{
    public static WebApplicationBuilder AddTimerGridAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<AuthMode>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ApiKeyRefusals>();
        services.AddSingleton<ApiKeyMiddleware>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>>((limiter, auth) => KeyRateLimits.Configure(limiter, auth.Value.RateLimit));
        return builder;
    }

    /// <summary>After the error handlers (refusals use the error shape), before the endpoints.</summary>
    public static WebApplication UseTimerGridAuth(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(app.Services.GetRequiredService<AuthMode>().Settle);
        app.UseMiddleware<ApiKeyMiddleware>();
        // Only requests with a key are limited: with keys off, requests skip the limiter (and its lock) entirely.
        app.UseWhen(context => ApiKeyMiddleware.Caller(context) is not null, keyed => keyed.UseRateLimiter());
        return app;
    }
}
