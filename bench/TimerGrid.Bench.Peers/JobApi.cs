using System.Text.Json;
using Microsoft.Extensions.Options;
using TimerGrid.Bench.Peers.Webhooks;

namespace TimerGrid.Bench.Peers;

/// <summary>
/// The subset of TimerGrid's job API the bench uses, <c>POST /job/{db}/{collection}</c> with
/// <c>{"id","trigger_time","meta"}</c>, so one load generator drives every scheduler the same way.
/// The webhook URL each job calls is the bench receiver's, given at start-up.
/// </summary>
internal static class JobApi
{
    public static void MapJobApi(this WebApplication app)
    {
        app.MapPost("/job/{db}/{collection}", CreateAsync);
        app.MapGet("/healthz", () => Results.Ok());
    }

    private static async Task<IResult> CreateAsync(string db, string collection, HttpRequest request, IPeerScheduler scheduler, IOptions<PeerOptions> options)
    {
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var root = body.RootElement;
        var id = root.GetProperty("id").GetString() ?? throw new BadHttpRequestException("id is required");
        var triggerTime = root.GetProperty("trigger_time").GetInt64();
        var meta = root.TryGetProperty("meta", out var m) ? m.GetRawText() : "{}";
        var call = new WebhookCall(options.Value.WebhookUrl, $"{db}/{collection}/{id}", triggerTime, meta);
        await scheduler.ScheduleAsync($"{db}/{collection}", id, DateTimeOffset.FromUnixTimeMilliseconds(triggerTime), call, request.HttpContext.RequestAborted);
        return Results.Ok();
    }
}
