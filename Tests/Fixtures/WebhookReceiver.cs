using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TimerGrid.Tests.Fixtures;

/// <summary>A real Kestrel on loopback that records every webhook and answers as each test scripts it.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<ReceivedWebhook>> _byJob = new();
    private readonly ConcurrentDictionary<string, Func<int, Answer>> _answers = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly ConcurrentDictionary<string, StrongBox<int>> _inFlight = new();
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private WebApplication _app = null!;

    /// <summary>What the receiver answers: a status, an optional Retry-After header, after an optional delay.</summary>
    public sealed record Answer(int Status, string? RetryAfter = null, TimeSpan? Delay = null);

    public Uri Url { get; private set; } = null!;

    /// <param name="port">A fixed port, for a receiver that comes up where a route already points; any free one when 0.</param>
    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        receiver._app = builder.Build();
        receiver._app.MapPost("/{**path}", receiver.HandleAsync);
        await receiver._app.StartAsync();
        receiver.Url = new Uri(receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>A URL on this receiver; requests to it get what <paramref name="answer"/> says for the n-th hit (from 1).</summary>
    public string UrlFor(string path, Func<int, Answer>? answer = null)
    {
        if (answer is not null)
        {
            _answers[path] = answer;
        }
        return new Uri(Url, path).ToString();
    }

    /// <summary>Waits until <paramref name="count"/> webhooks for the job (db/collection/id) have arrived.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(string jobKey, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var received = For(jobKey);
            if (received.Count >= count)
            {
                return received;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"{received.Count} of {count} webhooks for {jobKey} arrived");
            }
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public IReadOnlyList<ReceivedWebhook> For(string jobKey)
    {
        if (!_byJob.TryGetValue(jobKey, out var list))
        {
            return [];
        }
        lock (list)
        {
            return [.. list];
        }
    }

    public IReadOnlyCollection<string> Jobs => [.. _byJob.Keys];

    /// <summary>When each webhook for a job whose key starts with <paramref name="jobKeyPrefix"/> arrived, in ms.</summary>
    public IReadOnlyList<long> ArrivalsMs(string jobKeyPrefix) =>
        [.. _byJob.Where(j => j.Key.StartsWith(jobKeyPrefix, StringComparison.Ordinal)).SelectMany(j => For(j.Key)).Select(w => w.ReceivedAtMs).Order()];

    /// <summary>Waits until <paramref name="count"/> webhooks in all have arrived for jobs whose key starts with <paramref name="jobKeyPrefix"/>.</summary>
    public async Task WaitForArrivalsAsync(string jobKeyPrefix, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (ArrivalsMs(jobKeyPrefix).Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{ArrivalsMs(jobKeyPrefix).Count} of {count} webhooks for {jobKeyPrefix}* arrived");
            }
            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>The most requests to <paramref name="path"/> that were being answered at once.</summary>
    public int MaxInFlight(string path) => _maxInFlight.GetValueOrDefault(path);

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var path = request.Path.Value!.TrimStart('/');
        var inFlight = _inFlight.GetOrAdd(path, _ => new StrongBox<int>());
        var now = Interlocked.Increment(ref inFlight.Value);
        _maxInFlight.AddOrUpdate(path, now, (_, max) => Math.Max(max, now));
        try
        {
            return await AnswerAsync(request, path);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight.Value);
        }
    }

    private async Task<IResult> AnswerAsync(HttpRequest request, string path)
    {
        var webhook = await ReceivedWebhook.ReadAsync(request);
        var job = webhook.Headers.TryGetValue("TimerGrid-Job", out var key) ? key : webhook.PathAndQuery;
        var list = _byJob.GetOrAdd(job, _ => []);
        lock (list)
        {
            list.Add(webhook);
        }
        _arrived.Release();
        var hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        var answer = _answers.TryGetValue(path, out var script) ? script(hit) : new Answer(200);
        if (answer.Delay is { } delay)
        {
            await Task.Delay(delay);
        }
        if (answer.RetryAfter is not null)
        {
            request.HttpContext.Response.Headers.RetryAfter = answer.RetryAfter;
        }
        return Results.StatusCode(answer.Status);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
