using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TimerGrid.Grains.Interfaces.Client;
using TimerGrid.Grains.Interfaces.Errors;

// An Orleans client of a single node: localhost clustering on the node's gateway port (TimerGrid:GatewayPort),
// with the node's ServiceId and ClusterId (TimerGrid:ServiceId, TimerGrid:ClusterId; both "timergrid" by default).
var builder = Host.CreateApplicationBuilder(args);
var gatewayPort = builder.Configuration.GetValue("TimerGridGatewayPort", 30000);
builder.UseOrleansClient(client => client
    .UseLocalhostClustering(gatewayPort, serviceId: "timergrid", clusterId: "timergrid")
    .AddTimerGridClient());
using var host = builder.Build();
await host.StartAsync();

var timers = host.Services.GetRequiredService<TimerGridClient>();
await timers.Routes("shop").CreateWebhookAsync("abandoned-carts", "http://localhost:9000/carts");
var carts = timers.Jobs("shop", "carts");
await carts.ScheduleAsync("cart-42", DateTimeOffset.UtcNow.AddHours(1), new { Cart = 42 }, route: "abandoned-carts");
Console.WriteLine($"cart-42: {(await carts.GetAsync("cart-42"))?.Status}");
try
{
    await carts.ScheduleAsync("cart 43", DateTimeOffset.UtcNow.AddHours(1), new { Cart = 43 }, route: "abandoned-carts");
}
catch (TimerGridException e)
{
    Console.WriteLine($"cart 43: {e.Error.Code} {e.Message}");   // E002: the REST API's code for a bad id
}
await host.StopAsync();
