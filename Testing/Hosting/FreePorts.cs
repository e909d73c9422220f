using System.Net;
using System.Net.Sockets;

namespace TimerGrid.Testing.Hosting;

/// <summary>Loopback ports nothing listens on, for a test host's silo and gateway (Orleans needs them up front).</summary>
internal static class FreePorts
{
    public static (int First, int Second) Two()
    {
        // Both held open together, so the kernel cannot hand out the same port twice.
        using var first = Listen();
        using var second = Listen();
        return (PortOf(first), PortOf(second));
    }

    private static Socket Listen()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen();
        return socket;
    }

    private static int PortOf(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;
}
