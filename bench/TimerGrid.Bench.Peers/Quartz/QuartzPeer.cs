using global::Quartz;

namespace TimerGrid.Bench.Peers.Quartz;

/// <summary>Quartz.NET with its ADO.NET job store on PostgreSQL and a scheduler hosted in this process.</summary>
internal static class QuartzPeer
{
    public static IServiceCollection AddQuartzPeer(this IServiceCollection services, PeerOptions peer)
    {
        services.AddQuartz(quartz =>
        {
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(peer.ConnectionString);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();   // Quartz creates its own tables on an empty database
            });
            QuartzProfiles.Configure(quartz, peer.Tuned);
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddSingleton<IPeerScheduler, QuartzScheduler>();
        return services;
    }
}
