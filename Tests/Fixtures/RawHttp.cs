using System.Net.Sockets;
using System.Text;

namespace TimerGrid.Tests.Fixtures;

/// <summary>
/// HTTP/1.1 as Python's urllib and requests speak it: the whole body written before the response is read,
/// and no <c>Expect: 100-continue</c>, so a server that answers early and closes shows up as a broken pipe.
/// </summary>
public static class RawHttp
{
    public sealed record Response(int Status, string Body);

    /// <summary>Sends <paramref name="bodyBytes"/> bytes with a Content-Length (or chunked, without one), then reads the answer.</summary>
    public static async Task<Response> SendAsync(Uri server, string method, string path, long bodyBytes, bool chunked = false)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var head = $"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\n" +
            (chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {bodyBytes}") + "\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        for (var left = bodyBytes; left > 0; left -= chunk.Length)
        {
            var size = (int)Math.Min(left, chunk.Length);
            if (chunked)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
            }
            await stream.WriteAsync(chunk.AsMemory(0, size));
            if (chunked)
            {
                await stream.WriteAsync("\r\n"u8.ToArray());
            }
        }
        if (chunked)
        {
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        using var received = new MemoryStream();
        await stream.CopyToAsync(received);
        return Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    private static Response Parse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new InvalidOperationException($"no complete response: '{raw}'");
        }
        var head = raw[..split];
        var body = raw[(split + 4)..];
        var status = int.Parse(head.Split(' ', 3)[1]);
        return new Response(status, head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) ? Unchunk(body) : body);
    }

    private static string Unchunk(string chunked)
    {
        var body = new StringBuilder();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(chunked[at..lineEnd].Split(';')[0], 16);
            if (size == 0)
            {
                return body.ToString();
            }
            body.Append(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
