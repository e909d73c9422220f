using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TimerGrid.Grains.Records;

namespace TimerGrid.Grains.Hosting;

/// <summary>The record side (executions, audit log, retention) and the read side behind IRecordQueryGrain.</summary>
public static class TimerGridRecordsServiceCollectionExtensions
{
    /// <summary>Registers the record writer, store, retention and options (<c>TimerGrid:Records</c>). Needs UseTimerGrid's storage.</summary>
    public static IServiceCollection AddTimerGridRecords(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(RecordWriter)))
        {
            return services;   // a second registration would start a second writer loop on the same buffer
        }
        services.AddValidatedSection<RecordOptions>(RecordOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RecordStore>();
        services.AddSingleton<RecordWriter>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RecordWriter>());
        services.AddSingleton<RecordRetention>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RecordRetention>());
        return services;
    }
}
