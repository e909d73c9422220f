using global::Hangfire;
using global::Hangfire.PostgreSql;

namespace TimerGrid.Bench.Peers.Hangfire;

/// <summary>Hangfire with its PostgreSQL storage and a background job server in this process, set up as its documentation shows.</summary>
internal static class HangfirePeer
{
    public static IServiceCollection AddHangfirePeer(this IServiceCollection services, PeerOptions peer)
    {
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(storage => storage.UseNpgsqlConnection(peer.ConnectionString), HangfireProfiles.Storage(peer.Tuned)));
        services.AddHangfireServer(server => HangfireProfiles.ConfigureServer(server, peer.Tuned));
        services.AddSingleton<IPeerScheduler, HangfireScheduler>();
        return services;
    }
}
