using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Gateway.Hosting;

/// <summary>The standalone gateway's Orleans client of running silos (the single node's REST surface needs none: it is a silo).</summary>
public static class TimerGridClusterClientBuilderExtensions
{
    public static WebApplicationBuilder AddTimerGridClusterClient(this WebApplicationBuilder builder)
    {
        builder.Services.AddTimerGridOptions();
        builder.UseOrleansClient(client => client
            .AddActivityPropagation()   // a request's grain calls join its trace
            .UseTimerGridClustering());
        return builder;
    }
}
