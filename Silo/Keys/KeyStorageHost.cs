using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TimerGrid.Grains.Hosting;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Keys;
using TimerGrid.Grains.Records;
using TimerGrid.Grains.Storage;

namespace TimerGrid.Silo.Keys;

/// <summary>
/// The node's storage without the node: the configuration a node reads (appsettings, environment, arguments), the
/// same storage, the schema brought up to date, and the audit log's writer, flushed before it ends.
/// </summary>
internal sealed class KeyStorageHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly RecordWriter _records;

    private KeyStorageHost(IHost host)
    {
        _host = host;
        _records = host.Services.GetRequiredService<RecordWriter>();
    }

    public ApiKeyService Keys => _host.Services.GetRequiredService<ApiKeyService>();

    public static async Task<KeyStorageHost> StartAsync(string[] configuration)
    {
        var builder = Host.CreateApplicationBuilder(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddTimerGridStorage().AddTimerGridRecords().AddTimerGridKeys();
        builder.Services.AddOptions<ClusterOptions>().Configure<IOptions<TimerGridOptions>>((cluster, node) => cluster.ServiceId = node.Value.ServiceId);
        var storage = new KeyStorageHost(builder.Build());
        await storage._host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        await storage._records.StartAsync(CancellationToken.None);
        return storage;
    }

    public async ValueTask DisposeAsync()
    {
        await _records.StopAsync(CancellationToken.None);   // writes the audit entries
        _host.Dispose();
    }
}
