using TimerGrid.Gateway.Hosting;
using TimerGrid.Silo.Hosting;

// Single node: the silo also serves the REST surface.
var builder = WebApplication.CreateBuilder(args);
builder.AddTimerGridSilo();
builder.AddTimerGridGateway();
var app = builder.Build();
app.MapTimerGridApi();
app.Run();

public partial class Program;
