using System.Net;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Delivery;

namespace TimerGrid.Tests.Delivery;

/// <summary>Which addresses webhooks may connect to.</summary>
public sealed class DestinationPolicyTests
{
    private static DestinationPolicy Policy(DeliveryOptions options) => new(Options.Create(options));

    [Theory]
    [InlineData("169.254.169.254", "169.254.0.0/16")]
    [InlineData("fe80::1", "fe80::/10")]
    [InlineData("::ffff:169.254.169.254", "169.254.0.0/16")]
    public void Default_LinkLocal_IsRefused(string address, string network)
    {
        Assert.Equal(IPNetwork.Parse(network), Policy(new DeliveryOptions()).Refusing(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    [InlineData("93.184.216.34")]
    [InlineData("2001:db8::1")]
    public void Default_LoopbackPrivateAndPublic_AreAllowed(string address)
    {
        Assert.Null(Policy(new DeliveryOptions()).Refusing(IPAddress.Parse(address)));
    }

    [Fact]
    public void AllowedNetwork_InsideADeniedOne_IsAllowed()
    {
        var policy = Policy(new DeliveryOptions { DeniedNetworks = "0.0.0.0/0, ::/0", AllowedNetworks = "10.0.0.0/8" });

        Assert.Null(policy.Refusing(IPAddress.Parse("10.20.30.40")));
        Assert.Equal(IPNetwork.Parse("0.0.0.0/0"), policy.Refusing(IPAddress.Parse("192.168.1.1")));
        Assert.Equal(IPNetwork.Parse("::/0"), policy.Refusing(IPAddress.Parse("fd00::1")));
    }

    [Theory]
    [InlineData("DeniedNetworks", "10.0.0.1/8")]
    [InlineData("DeniedNetworks", "10.0.0.0/33")]
    [InlineData("AllowedNetworks", "localhost")]
    public void Validator_NotACidr_FailsNamingTheKeyAndTheEntry(string key, string entry)
    {
        var options = key == "DeniedNetworks" ? new DeliveryOptions { DeniedNetworks = $"169.254.0.0/16,{entry}" } : new DeliveryOptions { AllowedNetworks = entry };

        var result = new DeliveryOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"TimerGrid:Delivery:{key}: '{entry}'", result.FailureMessage);
    }
}
