using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Delivery;

/// <summary>A node configured with its own destination policy, as a process: what it refuses never reaches a receiver, and a bad list stops start-up.</summary>
public sealed class DestinationPolicyProcessTests
{
    [Fact]
    public async Task Fire_HostResolvingIntoADeniedLoopbackRange_NoConnectionReachesTheReceiver()
    {
        using var dataDir = new TempDir();
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = TestSettings.For(dataDir.Path);
        settings["TimerGrid:Delivery:DeniedNetworks"] = "127.0.0.0/8, ::1/128";
        await using var silo = await TimerGridProcess.StartAsync(FreePort.Next(), settings);
        using var http = new HttpClient { BaseAddress = silo.Url };
        // A host name, not an address: the policy judges what it resolves to.
        await http.CreateRouteAsync("deny", "r", $"http://localhost:{receiver.Url.Port}/denied");

        await http.CreateJobAsync("deny", "c", "j", RestCalls.Now, "r");

        var job = await http.WaitForStatusAsync("/job/deny/c/j", "failed");
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.Contains("'localhost' refused", job.GetProperty("last_error").GetString());
        Assert.Empty(receiver.Jobs);
    }

    [Fact]
    public async Task Start_DeniedNetworksNotCidr_FailsNamingTheKey()
    {
        using var dataDir = new TempDir();
        var settings = TestSettings.For(dataDir.Path);
        settings["TimerGrid:Delivery:DeniedNetworks"] = "169.254.0.0/16, 10.0.0.1/8";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TimerGridProcess.StartAsync(FreePort.Next(), settings));

        Assert.Contains("TimerGrid:Delivery:DeniedNetworks: '10.0.0.1/8' is not a CIDR network", error.Message);
    }
}
