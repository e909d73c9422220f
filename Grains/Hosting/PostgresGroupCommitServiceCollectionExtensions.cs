using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace TimerGrid.Grains.Hosting;

/// <summary>
/// On PostgreSQL, TimerGrid's grain storage and reminder table, whose writes share commits (<see cref="PostgresGroupCommit"/>),
/// take the places of Orleans' ADO.NET ones, over the same tables and queries. On SQLite Orleans' providers stay: their
/// writes already share commits, through <see cref="SqliteDataSource"/>. Jobs are counted per connection there
/// (<see cref="PostgresCountFolding"/>), so that silos' commits do not wait for each other.
/// </summary>
internal static class PostgresGroupCommitServiceCollectionExtensions
{
    /// <summary>Call after Orleans' ADO.NET grain storage (named <see cref="StorageNames.Default"/>) and reminder table are registered.</summary>
    public static IServiceCollection ShareCommitsOnPostgres(this IServiceCollection services)
    {
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PostgresStoredWrites>(sp, (PostgresStorage)sp.GetRequiredService<IStorageDialect>()));
        services.AddSingleton<PostgresCountFolding>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<PostgresCountFolding>());

        var reminders = services.Last(d => d.ServiceType == typeof(IReminderTable));
        services.Remove(reminders);
        services.AddSingleton<IReminderTable>(sp => OnPostgres(sp)
            ? ActivatorUtilities.CreateInstance<PostgresReminderTable>(sp)
            : (IReminderTable)ActivatorUtilities.CreateInstance(sp, reminders.ImplementationType!));

        return services.ReplaceDefaultGrainStorage((sp, orleans) => OnPostgres(sp) ? ActivatorUtilities.CreateInstance<PostgresGrainStorage>(sp) : orleans());
    }

    private static bool OnPostgres(IServiceProvider services) => services.GetRequiredService<IStorageDialect>() is PostgresStorage;
}
