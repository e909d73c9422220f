using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TimerGrid.Grains.Interfaces.Client;

/// <summary>Registers <see cref="TimerGridClient"/> where Orleans provides an <see cref="IGrainFactory"/>: a silo (<c>silo.Services</c>) or a client host.</summary>
public static class TimerGridClientServiceCollectionExtensions
{
    /// <summary>Adds <see cref="TimerGridClient"/> as a singleton.</summary>
    public static IServiceCollection AddTimerGridClient(this IServiceCollection services)
    {
        services.TryAddSingleton<TimerGridClient>();
        return services;
    }
}
