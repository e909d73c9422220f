using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Samples;

/// <summary>The sample as its README runs it: a game server process joining a single-node process, so it cannot rot.</summary>
public sealed class GameServerSampleTests
{
    private static string GameServerDll => Path.Combine(RepositoryRoot.Path, "samples", "GameServer", "bin", "Debug", "net10.0", "TimerGrid.GameServer.dll");

    [Fact]
    public async Task GameServer_AgainstASingleNode_PrintsEachMatchAsItEndsAndExits()
    {
        using var dataDir = new TempDir();
        var node = TestSettings.For(dataDir.Path);
        await using var timerGrid = await TimerGridProcess.StartAsync(FreePort.Next(), node);

        var run = await SiloCommand.RunProgramAsync(GameServerDll, new Dictionary<string, string?>
        {
            ["GameServer:Matches"] = "2",
            ["GameServer:TimerGridSiloPort"] = node["TimerGrid:SiloPort"],
            ["GameServer:SiloPort"] = FreePort.Next().ToString(),
            ["GameServer:GatewayPort"] = FreePort.Next().ToString(),
            ["GameServer:ServiceId"] = node["TimerGrid:ServiceId"],
        });

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Output}\n{run.Error}");
        Assert.Contains("ended: match 1 in harbour", run.Output);
        Assert.Contains("ended: match 2 in desert", run.Output);
    }
}
