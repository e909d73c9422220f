using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace TimerGrid.Grains.Hosting;

internal static class FreshStateServiceCollectionExtensions
{
    /// <summary>Wraps the grain storage (named <see cref="StorageNames.Default"/>, registered last) in <see cref="FreshStateGrainStorage"/>.</summary>
    public static IServiceCollection AnswerFreshStateReads(this IServiceCollection services)
    {
        services.AddSingleton<FreshStates>();
        var storage = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, StorageNames.Default));
        services.Remove(storage);
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (sp, key) =>
            new FreshStateGrainStorage((IGrainStorage)storage.KeyedImplementationFactory!(sp, key), sp.GetRequiredService<FreshStates>()));
        return services;
    }
}
