namespace TimerGrid.Tests.Fixtures;

/// <summary>A single node as its own process (nothing else in the test process counts in its metrics or logs), a webhook receiver, and a client.</summary>
public sealed class ProcessNode : IAsyncDisposable
{
    private readonly TempDir _dataDir;

    private ProcessNode(TempDir dataDir, WebhookReceiver receiver, TimerGridProcess node)
    {
        (_dataDir, Receiver, Node) = (dataDir, receiver, node);
        Http = new HttpClient { BaseAddress = node.Url };
    }

    public TimerGridProcess Node { get; }

    public WebhookReceiver Receiver { get; }

    public HttpClient Http { get; }

    public Uri Url => Node.Url;

    /// <param name="configure">Changes to <see cref="TestSettings.For"/>.</param>
    public static async Task<ProcessNode> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var dataDir = new TempDir();
        var settings = TestSettings.For(dataDir.Path);
        configure?.Invoke(settings);
        var receiver = await WebhookReceiver.StartAsync();
        return new ProcessNode(dataDir, receiver, await TimerGridProcess.StartAsync(FreePort.Next(), settings));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Node.DisposeAsync();
        await Receiver.DisposeAsync();
        _dataDir.Dispose();
    }
}
