using TimerGrid.Grains.Hosting;
using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Silo.Hosting;

/// <summary>The silo process: Orleans with TimerGrid's grains, in single-node (localhost) clustering.</summary>
public static class TimerGridSiloHostExtensions
{
    public static WebApplicationBuilder AddTimerGridSilo(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TimerGridOptions.Section).Get<TimerGridOptions>() ?? new TimerGridOptions();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId)
            .UseTimerGrid());
        return builder;
    }
}
