using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Polly;
using Orleans.Storage;
using TimerGrid.Grains.Callbacks;
using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Dispatch;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Jobs;

namespace TimerGrid.Grains.Hosting;

/// <summary>Everything a silo needs to host TimerGrid's grains: storage, reminders, delivery.</summary>
public static class TimerGridSiloBuilderExtensions
{
    public static ISiloBuilder UseTimerGrid(this ISiloBuilder silo)
    {
        var services = silo.Services;
        services.AddTimerGridStorage();
        services.AddValidatedSection<FiringOptions>(FiringOptions.Section);
        services.AddValidatedSection<DeliveryOptions>(DeliveryOptions.Section);
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IStorageDialect>().DataSource);   // for the readiness check
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<SchemaMigrator>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, OverdueJobsCatchUp>();
        services.AddValidatedSection<JobRetentionOptions>(JobRetentionOptions.Section);
        services.AddSingleton<FinishedJobRetention>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<FinishedJobRetention>());
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<WebhookDelivery>();
        services.AddSingleton<IRouteDelivery>(sp => sp.GetRequiredService<WebhookDelivery>());
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DeliveryWarmup>();
        services.AddSingleton<RouteDeliveries>();
        services.AddSingleton<RouteGates>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<RouteGates>());
        services.AddSingleton<CallbackGrainTypes>();
        services.AddSingleton<IRouteDelivery, GrainCallbackDelivery>();
        services.AddTimerGridQueues();
        services.AddSingleton<DestinationPolicy>();
        services.AddTimerGridRecords();
        services.AddTimerGridKeys();
        services.AddTimerGridInstruments();
        services.AddWebhookHttpClient();
        // Without it a storage outage reaches clients as a serialization error instead of the driver's exception.
        services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));

        services.AddOptions<GrainDirectoryOptions>().Configure<IOptions<TimerGridOptions>>((directory, options) =>
            directory.CacheSize = options.Value.DirectoryCacheSize);
        services.AddOptions<ReminderOptions>().Configure<IOptions<FiringOptions>>((reminders, firing) =>
            reminders.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(reminders.MinimumReminderPeriod.Ticks, firing.Value.ReminderPeriod.Ticks)));
        silo.UseAdoNetReminderService(o => o.Configure<IStorageDialect>((ado, db) =>
        {
            ado.Invariant = db.Invariant;
            ado.DataSource = db.DataSource;
        }));
        silo.AddAdoNetGrainStorage(StorageNames.Default, o => o.Configure<IStorageDialect>((ado, db) =>
        {
            ado.Invariant = db.Invariant;
            ado.DataSource = db.DataSource;
            ado.GrainStorageSerializer = new JsonGrainStateSerializer();
        }));
        services.ShareCommitsOnPostgres();
        services.AnswerFreshStateReads();
        services.TimeReminderTableReads();
        silo.AddActivityPropagation();   // grain calls join the caller's trace
        return silo;
    }

    private static void AddWebhookHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(WebhookDelivery.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,   // a redirected POST turns into a GET: treat 3xx as not delivered
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                MaxConnectionsPerServer = sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.MaxConnectionsPerHost,
                ConnectCallback = sp.GetRequiredService<DestinationPolicy>().ConnectAsync,
            })
            .AddResilienceHandler("attempt", (pipeline, context) =>
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<DeliveryOptions>>().Value.AttemptTimeout));
    }
}
