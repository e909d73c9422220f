using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TimerGrid.Grains.Interfaces.Configuration;

/// <summary>The one way a TimerGrid process reads its <c>TimerGrid</c> section: silo, gateway and the gateway's cluster client alike.</summary>
public static class TimerGridOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TimerGridOptions"/>, applies the Kubernetes environment (<see cref="ClusterEnvironment"/>) and
    /// validates it on start: a bad value stops start-up with a message naming its key. Calling it again adds nothing.
    /// </summary>
    public static IServiceCollection AddTimerGridOptions(this IServiceCollection services)
    {
        if (services.Any(s => !s.IsKeyedService && s.ImplementationType == typeof(TimerGridOptionsValidator)))
        {
            return services;   // the single node's silo and gateway share one container
        }
        services.AddOptions<TimerGridOptions>().BindConfiguration(TimerGridOptions.Section)
            .PostConfigure(ClusterEnvironment.Apply).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TimerGridOptions>, TimerGridOptionsValidator>();
        return services;
    }
}
