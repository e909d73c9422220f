using TimerGrid.Gateway.Hosting;

// Standalone gateway: the REST surface as an Orleans client of a running silo.
var builder = WebApplication.CreateBuilder(args);
builder.AddTimerGridGateway();
builder.UseOrleansClient(client => client.UseLocalhostClustering());
var app = builder.Build();
app.MapTimerGridApi();
app.Run();
