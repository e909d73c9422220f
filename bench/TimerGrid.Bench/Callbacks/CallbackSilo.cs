using System.Net;
using Microsoft.Extensions.Hosting;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Callbacks;

/// <summary>
/// A silo in this process that joins a single node's cluster and hosts <see cref="BenchCallbackGrain"/>, as a user's
/// service does: the GRAIN route's firings cross from the node's silo to this one.
/// </summary>
internal sealed class CallbackSilo(IHost host) : IAsyncDisposable
{
    public static async Task<CallbackSilo> JoinAsync(int nodeSiloPort, Receiver receiver)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Orleans.Runtime.Silo", LogLevel.Error).AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error)   // start-up notes
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePort.Next(), FreePort.Next(), new IPEndPoint(IPAddress.Loopback, nodeSiloPort), "timergrid", "timergrid");
            silo.UseInMemoryReminderService();   // every silo serves a share of the cluster's reminders
            silo.Services.AddSingleton(receiver);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new CallbackSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
