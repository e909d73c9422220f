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
        services.AddSingleton<RouteAttempts>();
        services.AddSingleton<IDeliveryAttemptListener>(sp => sp.GetRequiredService<RouteAttempts>());
        services.AddSingleton<TimerGridInstruments>();
        services.AddSingleton<SiloStatsCollector>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloStatsReporter>();
        return services;
    }

    /// <summary>Wraps the registered reminder table (the last <see cref="IReminderTable"/>) in <see cref="TimedReminderTable"/>.</summary>
    internal static IServiceCollection TimeReminderTableReads(this IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IReminderTable));
        services.Remove(registered);
        services.AddSingleton<IReminderTable>(sp => new TimedReminderTable(Create(sp, registered), sp.GetRequiredService<TimerGridInstruments>()));
        return services;
    }

    private static IReminderTable Create(IServiceProvider services, ServiceDescriptor registered) => (IReminderTable)(
        registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));
}
