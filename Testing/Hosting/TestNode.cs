using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TimerGrid.Gateway.Hosting;
using TimerGrid.Grains.Hosting;
using TimerGrid.Grains.Interfaces.Client;

namespace TimerGrid.Testing.Hosting;

/// <summary>
/// A single node as <c>dotnet run --project Silo</c> composes it (silo, REST surface and all), on loopback, with its
/// own SQLite file and ports, and the test clock.
/// </summary>
internal static class TestNode
{
    public static WebApplication Build(TimerGridTestHostOptions options, TimeProvider clock, string dataDir, int siloPort, int gatewayPort)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = dataDir, EnvironmentName = Environments.Production });
        // Only what the test says: no appsettings.json of the test project, no TimerGrid__ variables of the machine.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(options.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TimerGrid:DataDir"] = dataDir,
            ["TimerGrid:SiloPort"] = siloPort.ToString(),
            ["TimerGrid:GatewayPort"] = gatewayPort.ToString(),
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseTimerGridClustering().UseTimerGrid();
            silo.Services.AddTimerGridClient();
            options.ConfigureSilo?.Invoke(silo);
        });
        builder.AddTimerGridGateway();
        builder.AddTimerGridTelemetry();
        builder.Services.UseTestClock(clock);
        var app = builder.Build();
        app.MapTimerGridApi();
        return app;
    }
}
