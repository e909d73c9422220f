using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TimerGrid.Grains.Interfaces.Configuration;

/// <summary>How the processes of a deployment find each other, decided in one place for silos and Orleans clients alike.</summary>
public static class TimerGridClustering
{
    /// <summary>
    /// Applies <paramref name="singleNode"/> for <see cref="StorageKind.Sqlite"/> (one silo on localhost) or
    /// <paramref name="membershipTable"/> for <see cref="StorageKind.Postgres"/>, with the options as
    /// <see cref="TimerGridOptionsServiceCollectionExtensions.AddTimerGridOptions"/> gives them; a bad value throws
    /// <see cref="OptionsValidationException"/> naming its key.
    /// </summary>
    public static TBuilder Use<TBuilder>(TBuilder builder, IConfiguration configuration,
        Action<TBuilder, TimerGridOptions> singleNode, Action<TBuilder, TimerGridOptions> membershipTable)
    {
        var options = Read(configuration);
        (options.Storage == StorageKind.Postgres ? membershipTable : singleNode)(builder, options);
        return builder;
    }

    /// <summary>The provider is chosen while the host is built, before its container exists: read the options through the same pipeline now.</summary>
    private static TimerGridOptions Read(IConfiguration configuration)
    {
        using var services = new ServiceCollection().AddSingleton(configuration).AddTimerGridOptions().BuildServiceProvider();
        return services.GetRequiredService<IOptions<TimerGridOptions>>().Value;
    }
}
