using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TimerGrid.Bench.Webhooks;

/// <summary>A Kestrel on loopback that timestamps every webhook on arrival and answers 204.</summary>
internal sealed class Receiver : IAsyncDisposable
{
    private const string WarmupCollection = "receiver-warmup";
    private readonly ConcurrentDictionary<string, ArrivalLog> _collections = new();
    private int _failEvery;
    private int _answered;
    private WebApplication _app = null!;

    public Uri HookUrl { get; private set; } = null!;

    public static async Task<Receiver> StartAsync()
    {
        var receiver = new Receiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        receiver._app = builder.Build();
        receiver._app.MapPost("/{**path}", receiver.Handle);
        await receiver._app.StartAsync();
        var bound = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.HookUrl = new Uri(new Uri(bound), "/hook");
        await receiver.WarmUpAsync();
        return receiver;
    }

    /// <summary>
    /// Runs the receiver's code and accepts connections before any target's webhooks come: else the first target's
    /// first webhooks wait for this process's JIT and are counted late (measured: up to 140 ms).
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, HookUrl) { Content = new StringContent("{}") };
            request.Headers.Add("TimerGrid-Job", $"bench/{WarmupCollection}/{i}");
            request.Headers.Add("TimerGrid-Trigger-Time", "0");
            using var response = await http.SendAsync(request);
        }));
    }

    /// <summary>From now on every <paramref name="n"/>th webhook is answered 500 and not recorded (0: none); the node retries it.</summary>
    public void FailEvery(int n) => Volatile.Write(ref _failEvery, n);

    /// <summary>The arrivals of jobs in collection <paramref name="collection"/> (of any db).</summary>
    public ArrivalLog For(string collection) => _collections.GetOrAdd(collection, _ => new ArrivalLog());

    private IResult Handle(HttpRequest request)
    {
        var arrivedAt = EpochClock.NowPrecise;   // first: parsing is not the node's lateness
        if (Volatile.Read(ref _failEvery) is var n and > 0 && Interlocked.Increment(ref _answered) % n == 0)
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
        var job = request.Headers["TimerGrid-Job"].ToString();
        var triggerTime = long.Parse(request.Headers["TimerGrid-Trigger-Time"].ToString());
        For(job.Split('/')[1]).Record(new Arrival(job, triggerTime, arrivedAt));
        return Results.NoContent();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
