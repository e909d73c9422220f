using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Testing;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Samples;

/// <summary>The README's Orleans client example, run as a new user would run it against a node (here the test kit's).</summary>
public sealed class ClusterClientSampleTests
{
    private static string ClientDll => Path.Combine(RepositoryRoot.Path, "samples", "ClusterClient", "bin", "Debug", "net10.0", "TimerGrid.ClusterClient.dll");

    [Fact]
    public async Task ClusterClient_AgainstANode_SchedulesThroughTheGatewayAndGetsTheRestApisCodes()
    {
        await using var grid = await TimerGridTestHost.StartAsync();

        var run = await SiloCommand.RunProgramAsync(ClientDll, new Dictionary<string, string?> { ["TimerGridGatewayPort"] = grid.GatewayPort.ToString() });

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Output}\n{run.Error}");
        Assert.Contains("cart-42: Scheduled", run.Output);
        Assert.Contains("cart 43: E002", run.Output);
        Assert.Equal(JobStatus.Scheduled, (await grid.Client.Jobs("shop", "carts").GetAsync("cart-42"))?.Status);
    }
}
