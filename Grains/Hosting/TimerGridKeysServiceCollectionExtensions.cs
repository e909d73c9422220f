using Microsoft.Extensions.DependencyInjection;
using TimerGrid.Grains.Keys;

namespace TimerGrid.Grains.Hosting;

/// <summary>API keys in storage, behind IApiKeyGrain and IApiKeyRegistryGrain.</summary>
public static class TimerGridKeysServiceCollectionExtensions
{
    /// <summary>Registers the key store and key changes. Needs <see cref="TimerGridStorageServiceCollectionExtensions.AddTimerGridStorage"/> and the records.</summary>
    public static IServiceCollection AddTimerGridKeys(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ApiKeyService>();
        return services;
    }
}
