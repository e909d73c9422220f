using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace TimerGrid.Tests.Fixtures;

/// <summary>The single-node app (silo + REST) on a real Kestrel port, a temp SQLite file, and a webhook receiver.</summary>
public class ApiFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TempDir _dataDir = new();

    public WebhookReceiver Receiver { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        UseKestrel(0);
        StartServer();
        Http = CreateClient();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings(_dataDir.Path))
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>What the node runs with; a derived fixture adds its own.</summary>
    protected virtual Dictionary<string, string?> Settings(string dataDir) => TestSettings.For(dataDir);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
        _dataDir.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
