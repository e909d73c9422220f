using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Configuration;

/// <summary>The silo and the standalone gateway as processes: a bad <c>TimerGrid</c> value stops each before it serves, naming the key.</summary>
public sealed class TimerGridOptionsProcessTests
{
    [Theory]
    [InlineData("silo", "TimerGrid:Storage", "Postgres", "TimerGrid:ConnectionString is required when TimerGrid:Storage is Postgres")]
    [InlineData("gateway", "TimerGrid:AdvertisedIp", "gateway-0", "TimerGrid:AdvertisedIp: 'gateway-0' is not an IP address")]
    public async Task Start_BadSetting_ExitsNamingTheKey(string process, string key, string value, string message)
    {
        using var dataDir = new TempDir();
        var settings = TestSettings.For(dataDir.Path);
        settings[key] = value;
        var port = FreePort.Next();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            process == "silo" ? TimerGridProcess.StartAsync(port, settings) : TimerGridProcess.StartGatewayAsync(port, settings));

        Assert.Contains(message, error.Message);
    }
}
