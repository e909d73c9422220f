using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Tests.Configuration;

/// <summary>The <c>TimerGrid</c> section through AddTimerGridOptions on a real host: a bad value stops start-up naming its key.</summary>
public sealed class TimerGridOptionsTests
{
    [Theory]
    [InlineData("--TimerGrid:Storage=Postgres", "TimerGrid:ConnectionString is required when TimerGrid:Storage is Postgres")]
    [InlineData("--TimerGrid:ConnectionString=postgres://timergrid@db/timergrid", "TimerGrid:ConnectionString is not a Key=Value;… connection string")]
    [InlineData("--TimerGrid:AdvertisedIp=silo-0.timergrid", "TimerGrid:AdvertisedIp: 'silo-0.timergrid' is not an IP address")]
    [InlineData("--TimerGrid:GatewayPort=11111", "TimerGrid:SiloPort and TimerGrid:GatewayPort must differ (both are 11111)")]
    [InlineData("--TimerGrid:Storage=7", "TimerGrid:Storage: '7' is not a storage")]
    [InlineData("--TimerGrid:ClusterId=", "TimerGrid:ClusterId: ")]
    [InlineData("--TimerGrid:SiloPort=70000", "TimerGrid:SiloPort: ")]
    [InlineData("--TimerGrid:MaxBatchBodyBytes=100000000", "TimerGrid:MaxBatchBodyBytes: ")]
    public async Task Start_BadSetting_FailsNamingTheKey(string setting, string message)
    {
        using var host = Host([setting]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Start_TwoBadSettings_NamesBoth()
    {
        using var host = Host(["--TimerGrid:Storage=Postgres", "--TimerGrid:AdvertisedIp=pod"]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("TimerGrid:ConnectionString", error.Message);
        Assert.Contains("TimerGrid:AdvertisedIp", error.Message);
    }

    [Fact]
    public async Task Start_PostgresWithConnectionString_StartsWithThoseOptions()
    {
        using var host = Host(["--TimerGrid:Storage=postgres", "--TimerGrid:ConnectionString=Host=db;Database=timergrid", "--TimerGrid:AdvertisedIp=10.1.2.3"]);

        await host.StartAsync();

        var options = host.Services.GetRequiredService<IOptions<TimerGridOptions>>().Value;
        Assert.Equal((StorageKind.Postgres, "10.1.2.3"), (options.Storage, options.AdvertisedIp));
        await host.StopAsync();
    }

    [Fact]
    public void AddTimerGridOptions_Twice_ValidatesOnce()
    {
        var services = new ServiceCollection().AddTimerGridOptions().AddTimerGridOptions();

        Assert.Single(services, s => s.ServiceType == typeof(IValidateOptions<TimerGridOptions>));
    }

    private static IHost Host(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(args);
        builder.Logging.ClearProviders();
        builder.Services.AddTimerGridOptions();
        return builder.Build();
    }
}
