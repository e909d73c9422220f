using Npgsql;
using Orleans.Configuration;
using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Gateway.Hosting;

/// <summary>The standalone gateway's Orleans client: it finds silos the way silos find each other.</summary>
public static class TimerGridClientBuilderExtensions
{
    public static WebApplicationBuilder AddTimerGridClient(this WebApplicationBuilder builder)
    {
        var options = ClusterEnvironment.Apply(builder.Configuration.GetSection(TimerGridOptions.Section).Get<TimerGridOptions>() ?? new TimerGridOptions());
        if (options.Storage == StorageKind.Postgres)
        {
            var connectionString = options.ConnectionString ?? throw new InvalidOperationException("TimerGrid:ConnectionString is required for Postgres storage");
            builder.Services.AddSingleton<System.Data.Common.DbDataSource>(_ => NpgsqlDataSource.Create(connectionString));
        }
        builder.UseOrleansClient(client =>
        {
            client.AddActivityPropagation();   // a request's grain calls join its trace
            if (options.Storage == StorageKind.Sqlite)
            {
                client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
                return;
            }
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
            // Silos send storage failures as Npgsql's exceptions: read them as such, to answer 503 rather than 500.
            client.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", options.ConnectionString));
            // Learn about silos joining and leaving within seconds, not the default minute.
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        });
        return builder;
    }
}
