using Microsoft.Extensions.DependencyInjection;
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
        return services;
    }
}
