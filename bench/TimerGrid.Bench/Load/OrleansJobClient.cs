using Microsoft.Extensions.Hosting;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Bench.Load;

/// <summary>
/// Creates jobs by calling the job grains through an Orleans client on the node's gateway port, as a
/// .NET service inside the cluster would: no HTTP, no JSON.
/// </summary>
internal sealed class OrleansJobClient(IHost host) : IJobClient
{
    private readonly IClusterClient _client = host.Services.GetRequiredService<IClusterClient>();

    public string Kind => "Orleans client";

    /// <summary>Connects to a single node's gateway (the node's default cluster and service ids).</summary>
    public static async Task<OrleansJobClient> ConnectAsync(int gatewayPort)
    {
        var builder = Host.CreateApplicationBuilder();
        // Warnings (a killed node's reset connections) go to stderr with the progress: stdout is the tables.
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort, "timergrid", "timergrid"));
        var host = builder.Build();
        await host.StartAsync();
        return new OrleansJobClient(host);
    }

    public async Task<string?> CreateAsync(JobPlan plan, int index, long triggerTime)
    {
        var key = new JobKey(JobPlan.Db, plan.Collection, JobPlan.Id(index));
        var spec = new JobSpec(triggerTime, $$"""{"n":{{index}}}""", plan.Route);
        try
        {
            var outcome = await _client.GetGrain<IJobGrain>(key.ToString()).CreateAsync(spec);
            return outcome == CreateOutcome.Conflict ? "conflict" : null;
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
