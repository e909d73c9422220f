using System.Net;
using System.Net.Sockets;
using System.Text;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Delivery;

/// <summary>
/// Sends one webhook through the delivery client to a listener of its own on loopback while the silo starts. The first
/// webhook of a process pays for building the client's handler chain and for running its code the first time (measured:
/// the first job after a start was 80 ms late on an idle node, 190 ms under load, the next ones 3–10 ms); this pays it
/// before any job is due. A node that refuses loopback destinations skips it.
/// </summary>
internal sealed partial class DeliveryWarmup(WebhookDelivery delivery, DestinationPolicy destinations, ILogger<DeliveryWarmup> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DeliveryWarmup), ServiceLifecycleStage.ApplicationServices, WarmUpAsync);

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (destinations.Refusing(IPAddress.Loopback) is not null)
        {
            return;
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        try
        {
            var body = "{}"u8.ToArray();
            var answering = AnswerOnceAsync(listener, body.Length, limit.Token);
            var message = new WebhookMessage(new Uri($"http://127.0.0.1:{port}/"), WebhookSigner.NewSecret(), body,
                new JobKey("warmup", "warmup", "warmup"), 0, 1);
            var result = await delivery.SendAsync(message).WaitAsync(limit.Token);
            await answering;
            LogWarmedUp(result.HttpStatus);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
        {
            LogWarmupFailed(e.Message);   // the first job pays instead
        }
    }

    /// <summary>Reads one request (its head and a body of <paramref name="bodyLength"/> bytes) and answers 204, closing the connection.</summary>
    private static async Task AnswerOnceAsync(TcpListener listener, int bodyLength, CancellationToken cancellationToken)
    {
        using var client = await listener.AcceptTcpClientAsync(cancellationToken);
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var length = 0;
        int read;
        while (!Complete(buffer.AsSpan(0, length), bodyLength) && length < buffer.Length
            && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }
        await stream.WriteAsync(Answer, cancellationToken);
    }

    private static bool Complete(ReadOnlySpan<byte> received, int bodyLength) =>
        received.IndexOf("\r\n\r\n"u8) is var end && end >= 0 && received.Length >= end + 4 + bodyLength;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery client warmed up (HTTP {Status})")]
    private partial void LogWarmedUp(int? status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery client warm-up failed: {Error}")]
    private partial void LogWarmupFailed(string error);
}
