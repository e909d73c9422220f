using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using TimerGrid.Grains.Dispatch;
using TimerGrid.Grains.Interfaces.Client;
using TimerGrid.Grains.Records;
using TimerGrid.Grains.Storage;
using TimerGrid.Grains.Telemetry;
using TimerGrid.Testing.Clock;
using TimerGrid.Testing.Hosting;
using TimerGrid.Testing.Webhooks;

namespace TimerGrid.Testing;

/// <summary>
/// TimerGrid in-process for a test: the real grains and REST API of a single node, on SQLite in a temp folder, with a
/// clock the test moves. Nothing fires until the test calls <see cref="AdvanceAsync"/> (unless
/// <see cref="TimerGridTestHostOptions.AutoAdvance"/>): a job due in 30 days fires as soon as the test advances 30 days.
/// </summary>
public sealed class TimerGridTestHost : IAsyncDisposable
{
    /// <summary>Start-ups tried, each on new ports, before a port taken by another process fails the start.</summary>
    private const int PortAttempts = 3;

    private readonly WebApplication _node;
    private readonly TestClock _clock;
    private readonly ClockDriver _driver;
    private readonly AttemptsInFlight _attempts;
    private readonly string _dataDir;
    private readonly CancellationTokenSource _stopping = new();
    private Task _autoAdvance = Task.CompletedTask;

    private TimerGridTestHost(WebApplication node, TestClock clock, WebhookInbox webhooks, string dataDir, int siloPort, int gatewayPort, TimeSpan settleTimeout)
    {
        (_node, _clock, Webhooks, _dataDir, SiloPort, GatewayPort) = (node, clock, webhooks, dataDir, siloPort, gatewayPort);
        var services = node.Services;
        _attempts = new AttemptsInFlight(services.GetRequiredService<TimerGridInstruments>());
        _driver = new ClockDriver(clock, new DueJobs(services.GetRequiredService<StoredQueries>()), _attempts, () => webhooks.Hanging,
            services.GetRequiredService<RouteGates>(), services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<RecordWriter>(), settleTimeout);
    }

    /// <summary>The test clock's time: TimerGrid's "now".</summary>
    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>The test clock, for code under test that should share TimerGrid's time. Move it with <see cref="AdvanceAsync"/>.</summary>
    public TimeProvider Clock => _clock;

    /// <summary>The typed client, as .NET code in the cluster uses it (<c>TimerGridClient</c>).</summary>
    public TimerGridClient Client => _node.Services.GetRequiredService<TimerGridClient>();

    /// <summary>The node's services (its silo's too): <c>IGrainFactory</c> to call your own grains, say.</summary>
    public IServiceProvider Services => _node.Services;

    /// <summary>The REST API's address (native, scheduler and queue surfaces, dashboard).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The silo's port: a silo of your own joins with localhost clustering and this as its primary silo.</summary>
    public int SiloPort { get; }

    /// <summary>The gateway port an Orleans client of your own connects to (localhost clustering).</summary>
    public int GatewayPort { get; }

    /// <summary>Webhook receivers that capture every delivery and answer as the test scripts.</summary>
    public WebhookInbox Webhooks { get; }

    /// <summary>Starts a node; dispose it to stop it and delete its data.</summary>
    public static async Task<TimerGridTestHost> StartAsync(TimerGridTestHostOptions? options = null)
    {
        options ??= new TimerGridTestHostOptions();
        var start = options.StartTime ?? DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var clock = new TestClock(start);
        var dataDir = Directory.CreateTempSubdirectory("timergrid-test-").FullName;
        var webhooks = await WebhookInbox.StartAsync(clock);
        for (var attempt = 1; ; attempt++)
        {
            var (siloPort, gatewayPort) = FreePorts.Two();
            var node = TestNode.Build(options, clock, dataDir, siloPort, gatewayPort);
            try
            {
                await node.StartAsync();
            }
            catch (Exception e) when (attempt < PortAttempts && IsAddressInUse(e))
            {
                await node.DisposeAsync();   // another process took a port between our probe and the silo's bind
                continue;
            }
            var host = new TimerGridTestHost(node, clock, webhooks, dataDir, siloPort, gatewayPort, options.SettleTimeout)
            {
                BaseAddress = new Uri(node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
            };
            if (options.AutoAdvance)
            {
                host._autoAdvance = host._driver.AutoAdvanceAsync(host._stopping.Token);
            }
            return host;
        }
    }

    private static bool IsAddressInUse(Exception e) =>
        e is Microsoft.AspNetCore.Connections.AddressInUseException || (e.InnerException is { } inner && IsAddressInUse(inner));

    /// <summary>An HttpClient for the REST API (<see cref="BaseAddress"/>); the caller disposes it.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    /// <summary>
    /// Moves the clock by <paramref name="by"/>. Every firing due meanwhile happens, in due-time order, with the clock at
    /// its time; each delivery, and what follows from it (a retry after its backoff, the next occurrence, a dead-letter),
    /// has completed, and its execution is recorded, when this returns.
    /// </summary>
    public Task AdvanceAsync(TimeSpan by) => _driver.AdvanceToAsync(Now + by);

    /// <summary><see cref="AdvanceAsync"/> up to <paramref name="time"/>; the clock never goes back.</summary>
    public Task AdvanceToAsync(DateTimeOffset time) => _driver.AdvanceToAsync(time);

    /// <summary>Stops the node and the receivers and deletes the node's data.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _autoAdvance;
        await _node.StopAsync();
        await _node.DisposeAsync();
        await Webhooks.DisposeAsync();
        _attempts.Dispose();
        _stopping.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A database file still open (Windows keeps pooled connections' files) stays in the temp folder.
        }
    }
}
