using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TimerGrid.Grains.Interfaces.Callbacks;
using TimerGrid.Grains.Interfaces.Client;

// A silo of your service joining a single node: localhost clustering with the node's silo port (TimerGrid:SiloPort)
// as the primary silo, ports of its own, and the node's ServiceId and ClusterId ("timergrid" by default).
var builder = Host.CreateApplicationBuilder(args);
var timerGridSiloPort = builder.Configuration.GetValue("TimerGridSiloPort", 11111);
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering(siloPort: 11112, gatewayPort: 30001,
        primarySiloEndpoint: new IPEndPoint(IPAddress.Loopback, timerGridSiloPort), serviceId: "timergrid", clusterId: "timergrid");
    silo.UseInMemoryReminderService();   // Microsoft.Orleans.Reminders: every silo serves a share of the cluster's reminders
    silo.Services.AddTimerGridClient();  // schedule from your grains too (TimerGridClient)
});
await builder.Build().RunAsync();

/// <summary>The GRAIN route's interface: {"id": "cart-timers", "type": "GRAIN", "grain_interface": "shop.ICartTimers", "grain_key": "{id}"}.</summary>
[Alias("shop.ICartTimers")]
public interface ICartTimers : ITimerCallback;

public sealed class CartTimers : Grain, ICartTimers
{
    public Task OnTimerAsync(TimerFired fired)
    {
        Console.WriteLine($"{fired.Job} fired (attempt {fired.Attempt}): {fired.Meta}");
        return Task.CompletedTask;   // returning acknowledges; throwing asks for a retry
    }
}
