using TimerGrid.Gateway.Hosting;
using TimerGrid.Silo.Backup;
using TimerGrid.Silo.Hosting;
using TimerGrid.Silo.Keys;

if (args is ["keys", .. var keyArgs])
{
    return await KeysCommand.RunAsync(keyArgs, Console.Out, Console.Error);   // API keys in the node's storage, then exit
}
if (args is ["backup", .. var backupArgs])
{
    return await BackupCommand.RunAsync(backupArgs, Console.Out, Console.Error);   // a copy of the node's database, then exit
}

// Single node: the silo also serves the REST surface.
var builder = WebApplication.CreateBuilder(args);
builder.AddTimerGridSilo();
builder.AddTimerGridGateway();
builder.AddTimerGridTelemetry();
var app = builder.Build();
app.MapTimerGridApi();
await app.RunAsync();
return 0;

public partial class Program;
