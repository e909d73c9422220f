using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Grains.Hosting;

/// <summary>The storage a node's configuration names, and its migrator: for the silo, and for commands that work on storage directly.</summary>
public static class TimerGridStorageServiceCollectionExtensions
{
    /// <summary>Registers <c>TimerGrid</c> options (<see cref="TimerGridOptionsServiceCollectionExtensions.AddTimerGridOptions"/>), the storage dialect, the schema migrator and the query seam.</summary>
    public static IServiceCollection AddTimerGridStorage(this IServiceCollection services)
    {
        services.AddTimerGridOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStorageDialect>(sp => sp.GetRequiredService<IOptions<TimerGridOptions>>().Value.Storage switch
        {
            StorageKind.Postgres => ActivatorUtilities.CreateInstance<PostgresStorage>(sp),
            _ => ActivatorUtilities.CreateInstance<SqliteStorage>(sp),
        });
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<QueryTexts>();
        services.AddSingleton<StoredQueries>();
        services.AddSingleton<StoredWrites>();
        return services;
    }
}
