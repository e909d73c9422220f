using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace TimerGrid.Grains.Delivery;

/// <summary>
/// Where webhooks may go. Anyone who may write a route may point it at any URL, so the delivery client connects only to
/// addresses this policy allows: an address in <see cref="DeliveryOptions.AllowedNetworks"/> is allowed, else one in
/// <see cref="DeliveryOptions.DeniedNetworks"/> is refused, else it is allowed. It judges the address the host resolves
/// to when the connection is made (the handler's ConnectCallback), so a DNS answer that changes between a check and the
/// connection (rebinding) cannot get around it.
/// </summary>
internal sealed class DestinationPolicy
{
    private readonly IPNetwork[] _allowed;
    private readonly IPNetwork[] _denied;

    public DestinationPolicy(IOptions<DeliveryOptions> options)
    {
        _allowed = Parse(options.Value.AllowedNetworks, out _);
        _denied = Parse(options.Value.DeniedNetworks, out _);
    }

    /// <summary>The networks of a comma-separated CIDR list; <paramref name="invalid"/> names the first entry that is not one.</summary>
    public static IPNetwork[] Parse(string? list, out string? invalid)
    {
        var networks = new List<IPNetwork>();
        invalid = null;
        foreach (var entry in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // IPNetwork drops host bits after the prefix; refuse them instead, as "10.0.0.5/8" may mean one host as well as 10/8.
            if (IPNetwork.TryParse(entry, out var network) && IPAddress.TryParse(entry.AsSpan(0, entry.IndexOf('/')), out var written)
                && written.Equals(network.BaseAddress))
            {
                networks.Add(network);
            }
            else
            {
                invalid ??= entry;
            }
        }
        return [.. networks];
    }

    /// <summary>The denied network that holds <paramref name="address"/>, or null when the address is allowed.</summary>
    public IPNetwork? Refusing(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (Array.Exists(_allowed, n => n.Contains(plain)))
        {
            return null;
        }
        foreach (var network in _denied)
        {
            if (network.Contains(plain))
            {
                return network;
            }
        }
        return null;
    }

    /// <summary>Resolves the host, keeps the addresses the policy allows and connects to the first that answers.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = Array.FindAll(addresses, a => Refusing(a) is null);
        if (allowed.Length == 0)
        {
            var refused = string.Join(", ", addresses.Select(a => $"{a} (in {Refusing(a)})"));
            throw new DestinationRefusedException(
                $"delivery to '{host}' refused: it resolves to {refused}, denied by TimerGrid:Delivery:DeniedNetworks");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
