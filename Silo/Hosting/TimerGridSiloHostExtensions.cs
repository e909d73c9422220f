using TimerGrid.Grains.Hosting;
using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Silo.Hosting;

/// <summary>The silo process: Orleans with TimerGrid's grains, as a single node or a cluster member.</summary>
public static class TimerGridSiloHostExtensions
{
    public static WebApplicationBuilder AddTimerGridSilo(this WebApplicationBuilder builder)
    {
        var options = ClusterEnvironment.Apply(builder.Configuration.GetSection(TimerGridOptions.Section).Get<TimerGridOptions>() ?? new TimerGridOptions());
        builder.UseOrleans(silo => silo.UseTimerGridClustering(options).UseTimerGrid());
        return builder;
    }
}
