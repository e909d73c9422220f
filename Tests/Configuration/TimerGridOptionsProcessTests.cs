using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Configuration;

/// <summary>The silo and the standalone gateway as processes: a bad <c>TimerGrid</c> value stops each before it serves, naming the key.</summary>
public sealed class TimerGridOptionsProcessTests
{
    [Fact]
    public async Task Silo_PostgresWithoutConnectionString_ExitsNamingTheKey()
    {
        using var dataDir = new TempDir();
        var settings = TestSettings.For(dataDir.Path);
        settings["TimerGrid:Storage"] = "Postgres";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TimerGridProcess.StartAsync(FreePort.Next(), settings));

        Assert.Contains("TimerGrid:ConnectionString is required when TimerGrid:Storage is Postgres", error.Message);
    }

    [Fact]
    public async Task Gateway_AdvertisedIpNotAnAddress_ExitsNamingTheKey()
    {
        using var dataDir = new TempDir();
        var settings = TestSettings.For(dataDir.Path);
        settings["TimerGrid:AdvertisedIp"] = "gateway-0";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TimerGridProcess.StartGatewayAsync(FreePort.Next(), settings));

        Assert.Contains("TimerGrid:AdvertisedIp: 'gateway-0' is not an IP address", error.Message);
    }
}
