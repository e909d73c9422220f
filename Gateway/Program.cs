using TimerGrid.Gateway.Hosting;

namespace TimerGrid.Gateway;

/// <summary>Standalone gateway: the REST surface as an Orleans client of running silos.</summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddTimerGridClusterClient();
        builder.AddTimerGridGateway();
        builder.AddTimerGridTelemetry();
        var app = builder.Build();
        app.MapTimerGridApi();
        app.Run();
    }
}
