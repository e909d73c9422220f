using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TimerGrid.Grains.Interfaces.Configuration;

/// <summary>The options for choices made while the host is being built, before its container exists (which clustering provider).</summary>
public static class TimerGridOptionsConfigurationExtensions
{
    /// <summary>
    /// <see cref="TimerGridOptions"/> as <see cref="TimerGridOptionsServiceCollectionExtensions.AddTimerGridOptions"/> gives
    /// them (bound, Kubernetes environment applied, validated), read now; throws <see cref="OptionsValidationException"/> naming the key.
    /// </summary>
    public static TimerGridOptions GetTimerGridOptions(this IConfiguration configuration)
    {
        using var services = new ServiceCollection().AddSingleton(configuration).AddTimerGridOptions().BuildServiceProvider();
        return services.GetRequiredService<IOptions<TimerGridOptions>>().Value;
    }
}
