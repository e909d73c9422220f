using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Queues;

namespace TimerGrid.Grains.Hosting;

/// <summary>Pull queues (seed 002): the QUEUE route delivery, callbacks and recovery.</summary>
public static class TimerGridQueuesServiceCollectionExtensions
{
    public static IServiceCollection AddTimerGridQueues(this IServiceCollection services)
    {
        services.AddValidatedSection<QueueOptions>(QueueOptions.Section);
        services.AddSingleton<IRouteDelivery, QueueDelivery>();
        services.AddSingleton<QueueCallbacks>();
        services.AddSingleton<QueueSubmissions>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, QueueRecovery>();
        services.AddOptions<GrainCollectionOptions>().Configure<IOptions<QueueOptions>>((collection, queues) =>
        {
            var idle = queues.Value.IdleActivation;
            collection.ClassSpecificCollectionAge[typeof(QueueItemGrain).FullName!] = idle;
            // The collector looks for idle activations once a quantum, which Orleans wants shorter than every age.
            collection.CollectionQuantum = idle <= collection.CollectionQuantum ? idle / 2 : collection.CollectionQuantum;
        });
        return services;
    }
}
