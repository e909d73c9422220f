using System.Data.Common;
using Npgsql;
using Orleans.Configuration;
using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Gateway.Hosting;

/// <summary>How the gateway's Orleans client finds silos: the way silos find each other (the silo's <c>UseTimerGridClustering</c>).</summary>
public static class TimerGridClusteringClientBuilderExtensions
{
    /// <summary>The single node's gateway port for <c>Sqlite</c>, the membership table for <c>Postgres</c>.</summary>
    public static IClientBuilder UseTimerGridClustering(this IClientBuilder client) =>
        TimerGridClustering.Use(client, client.Configuration, UseSingleNode, UseCluster);

    private static void UseSingleNode(IClientBuilder client, TimerGridOptions options) =>
        client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);

    private static void UseCluster(IClientBuilder client, TimerGridOptions options)
    {
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
        // Silos send storage failures as Npgsql's exceptions: read them as such, to answer 503 rather than 500.
        client.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", options.ConnectionString));
        // Learn about silos joining and leaving within seconds, not the default minute.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        // The readiness check asks the database the membership table lives in.
        client.Services.AddSingleton<DbDataSource>(_ => NpgsqlDataSource.Create(options.ConnectionString!));
    }
}
