using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace TimerGrid.Grains.Hosting;

internal static class DefaultGrainStorageServiceCollectionExtensions
{
    /// <summary>
    /// Puts what <paramref name="replace"/> makes in place of the grain storage named <see cref="StorageNames.Default"/>
    /// registered last, which it may build through the factory it is given (to decorate it, or to keep it).
    /// </summary>
    public static IServiceCollection ReplaceDefaultGrainStorage(this IServiceCollection services, Func<IServiceProvider, Func<IGrainStorage>, IGrainStorage> replace)
    {
        var storage = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, StorageNames.Default));
        services.Remove(storage);
        return services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (sp, key) =>
            replace(sp, () => (IGrainStorage)storage.KeyedImplementationFactory!(sp, key)));
    }
}
