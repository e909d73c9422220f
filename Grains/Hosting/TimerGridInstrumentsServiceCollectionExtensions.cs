using Microsoft.Extensions.DependencyInjection;
using TimerGrid.Grains.Dashboard;
using TimerGrid.Grains.Interfaces.Telemetry;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Hosting;

/// <summary>The silo's instruments and what the dashboard reads from them.</summary>
public static class TimerGridInstrumentsServiceCollectionExtensions
{
    public static IServiceCollection AddTimerGridInstruments(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        services.AddSingleton<StoredJobCounts>();
        services.AddSingleton<TimerGridInstruments>();
        services.AddSingleton<SiloStatsCollector>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloStatsReporter>();
        return services;
    }
}
