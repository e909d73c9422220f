using Microsoft.Extensions.Options;
using TimerGrid.Gateway.Auth;

namespace TimerGrid.Gateway.Hosting;

/// <summary>API keys and the rate limit per key (<see cref="KeyRateLimits"/>), in front of every endpoint not marked AllowAnonymous.</summary>
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
        services.AddSingleton<KeyRateLimits>();
        return builder;
    }

    /// <summary>After the error handlers (refusals use the error shape), before the endpoints.</summary>
    public static WebApplication UseTimerGridAuth(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(app.Services.GetRequiredService<AuthMode>().Settle);
        app.UseMiddleware<ApiKeyMiddleware>();
        return app;
    }
}
