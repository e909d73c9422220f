using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Gateway.Auth;

/// <summary>
/// Whether requests need an API key. Forced by <see cref="AuthOptions.Enabled"/>; otherwise on in cluster mode and
/// whenever the server listens beyond loopback, decided from the addresses it bound once it has started (until then: on).
/// </summary>
internal sealed partial class AuthMode(
    IOptions<AuthOptions> auth,
    IOptions<TimerGridOptions> node,
    IServer server,
    ILogger<AuthMode> logger)
{
    private volatile bool _enabled = true;

    public bool Enabled => _enabled;

    /// <summary>Called once the server listens (application started).</summary>
    public void Decide()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var clustered = node.Value.Storage == StorageKind.Postgres;
        var loopbackOnly = addresses.Count > 0 && addresses.All(IsLoopback);   // no addresses known: assume the worst
        _enabled = auth.Value.Enabled ?? (clustered || !loopbackOnly);
        if (_enabled)
        {
            LogOn(auth.Value.BootstrapKey is not null);
        }
        else if (auth.Value.Enabled is null)
        {
            LogOffOnLoopback(string.Join(", ", addresses));
        }
        else
        {
            LogForcedOff(string.Join(", ", addresses));
        }
    }

    private static bool IsLoopback(string address)
    {
        var binding = BindingAddress.Parse(address);
        var host = binding.Host.Trim('[', ']');
        return binding.IsUnixPipe || host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API keys are required (bootstrap key configured: {HasBootstrapKey})")]
    private partial void LogOn(bool hasBootstrapKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API KEYS ARE OFF: a single node listening on loopback only ({Addresses}) serves every request without a key. " +
        "Set TimerGrid:Auth:Enabled=true to require keys; they are required by default in cluster mode and when listening beyond loopback.")]
    private partial void LogOffOnLoopback(string addresses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "API KEYS ARE OFF (TimerGrid:Auth:Enabled=false): anyone who reaches {Addresses} may read and change everything")]
    private partial void LogForcedOff(string addresses);
}
