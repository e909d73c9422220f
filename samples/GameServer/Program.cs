using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TimerGrid.GameServer;
using TimerGrid.Grains.Interfaces.Client;

// A game server that joins a single TimerGrid node (dotnet run --project Silo) as a silo with its own grains.
var builder = Host.CreateApplicationBuilder(args);
var options = builder.Configuration.GetSection(GameServerOptions.Section).Get<GameServerOptions>() ?? new GameServerOptions();
builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error);   // the timers, not start-up advice
builder.UseOrleans(silo =>
{
    silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort,
        primarySiloEndpoint: new IPEndPoint(IPAddress.Loopback, options.TimerGridSiloPort), options.ServiceId, options.ClusterId);
    // Every silo of an Orleans cluster serves a share of the reminders. On a PostgreSQL cluster use TimerGrid's table:
    // silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = ("Npgsql", connectionString)).
    silo.UseInMemoryReminderService();
    silo.Services.AddTimerGridClient();
});
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(new MatchBoard(Console.Out));
builder.Services.AddHostedService<MatchMaker>();
await builder.Build().RunAsync();
