using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace TimerGrid.Tests.Fixtures;

/// <summary>
/// A loopback port nothing listens on, never the same one twice in a test run: the kernel may hand a port it just
/// gave out to the next probe, and two settings of one node (its silo and gateway ports) must differ.
/// </summary>
public static class FreePort
{
    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }
    }
}
