using TimerGrid.Grains.Hosting;

namespace TimerGrid.Silo.Hosting;

/// <summary>The silo process: Orleans with TimerGrid's grains, as a single node or a cluster member.</summary>
public static class TimerGridSiloHostExtensions
{
    /// <summary>How long a stopping silo may take to hand its grains and reminders over; orchestrators must wait longer.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static WebApplicationBuilder AddTimerGridSilo(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.UseOrleans(silo => silo.UseTimerGridClustering().UseTimerGrid());
        return builder;
    }
}
