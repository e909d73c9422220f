using System.Net;
using Orleans.Configuration;
using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Grains.Hosting;

/// <summary>How silos find each other: localhost for the single node, the membership table for a cluster.</summary>
public static class TimerGridClusteringExtensions
{
    /// <summary>The clustering <c>TimerGrid:Storage</c> calls for, with the ids, ports and address of the same options.</summary>
    public static ISiloBuilder UseTimerGridClustering(this ISiloBuilder silo) =>
        TimerGridClustering.Use(silo, silo.Configuration, UseSingleNode, UseCluster);

    private static void UseSingleNode(ISiloBuilder silo, TimerGridOptions options) =>
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);

    private static void UseCluster(ISiloBuilder silo, TimerGridOptions options)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
        silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedIp!), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        silo.UseTimerGridMembershipTable();
    }

    /// <summary>Membership in the storage's tables, with failure detection tuned for a timer service.</summary>
    public static ISiloBuilder UseTimerGridMembershipTable(this ISiloBuilder silo)
    {
        silo.UseAdoNetClustering(o => o.Configure<IStorageDialect>((ado, db) =>
        {
            ado.Invariant = db.Invariant;
            ado.DataSource = db.DataSource;
        }));
        // A timer service cannot wait Orleans' default ~30 s to declare a dead silo: probe every 2 s and
        // give up after two misses; a killed silo refuses connections, so that is seconds in practice.
        // A silo that starts while a dead one on another address is still "active" in the table (the whole
        // cluster crashed, or the only node came back on a new IP) cannot join until that entry is declared
        // dead, which a lone joiner only does once the entry has missed its IAmAlive updates: 3 x 30 s by
        // default (a single node on PostgreSQL took 78 s to restart after kill -9); 6 x 5 s here.
        // Not fewer: while PostgreSQL is down no silo can write IAmAlive, and once every entry is stale Orleans
        // evicts a silo on a single missed probe (the votes it asks for fall to none). With 2 x 5 s a 13 s outage
        // left the silos evicting each other under load, and the cluster answered 503 long after the database was back.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 2;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(10);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            o.NumMissedTableIAmAliveLimit = 6;
        });
        return silo;
    }
}
