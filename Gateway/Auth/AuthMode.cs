using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Gateway.Auth;

/// <summary>
/// Whether requests need an API key. Forced by <see cref="AuthOptions.Enabled"/>; otherwise on in cluster mode and
/// whenever the server listens beyond loopback. Settled once the application has started; until then each request
/// asks the addresses bound so far, which is safe: a request can only have come through one of them.
/// </summary>
internal sealed partial class AuthMode(
    IOptions<AuthOptions> auth,
    IOptions<TimerGridOptions> node,
    IServer server,
    ILogger<AuthMode> logger)
{
    private const int Unsettled = 0, Off = 1, On = 2;
    private volatile int _settled = Unsettled;

    public bool Enabled => _settled == Unsettled ? Decide(Addresses()) : _settled == On;

    /// <summary>Called once the application has started: every address is bound.</summary>
    public void Settle()
    {
        var addresses = Addresses();
        var enabled = Decide(addresses);
        _settled = enabled ? On : Off;
        if (enabled)
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

    private List<string> Addresses() => server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    private bool Decide(List<string> addresses)
    {
        var loopbackOnly = addresses.Count > 0 && addresses.All(IsLoopback);   // no addresses known: assume the worst
        return auth.Value.Enabled ?? (node.Value.Storage == StorageKind.Postgres || !loopbackOnly);
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
