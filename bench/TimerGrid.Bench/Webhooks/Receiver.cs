using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TimerGrid.Bench.Webhooks;

/// <summary>A Kestrel on loopback that timestamps every webhook on arrival and answers 204.</summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ArrivalLog> _collections = new();
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
        return receiver;
    }

    /// <summary>The arrivals of jobs in collection <paramref name="collection"/> (of any db).</summary>
    public ArrivalLog For(string collection) => _collections.GetOrAdd(collection, _ => new ArrivalLog());

    private IResult Handle(HttpRequest request)
    {
        var arrivedAt = EpochClock.NowPrecise;   // first: parsing is not the node's lateness
        var job = request.Headers["TimerGrid-Job"].ToString();
        var triggerTime = long.Parse(request.Headers["TimerGrid-Trigger-Time"].ToString());
        For(job.Split('/')[1]).Record(new Arrival(job, triggerTime, arrivedAt));
        return Results.NoContent();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
