using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TimerGrid.Testing.Webhooks;

/// <summary>
/// Webhook receivers on a loopback port of their own: every path under <see cref="BaseAddress"/> is one, captures every
/// request (URL, headers, body) and answers as the test scripts it (200 unless told otherwise).
/// </summary>
public sealed class WebhookInbox : IAsyncDisposable
{
    private readonly TimeProvider _clock;
    private readonly List<CapturedWebhook> _received = [];
    private readonly ConcurrentDictionary<string, Func<int, WebhookAnswer>> _answers = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly WebApplication _app;
    private int _hanging;

    private WebhookInbox(TimeProvider clock)
    {
        _clock = clock;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{**path}", ReceiveAsync);
    }

    /// <summary>Where the receivers listen; <see cref="UrlFor"/> names one.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every webhook received so far, in arrival order.</summary>
    public IReadOnlyList<CapturedWebhook> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Requests hanging right now (<see cref="WebhookAnswer.Hang"/>).</summary>
    internal int Hanging => Volatile.Read(ref _hanging);

    internal static async Task<WebhookInbox> StartAsync(TimeProvider clock)
    {
        var inbox = new WebhookInbox(clock);
        await inbox._app.StartAsync();
        inbox.BaseAddress = new Uri(inbox._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return inbox;
    }

    /// <summary>The URL of the receiver <paramref name="path"/>, for a route's <c>webhook_url</c>.</summary>
    public string UrlFor(string path) => new Uri(BaseAddress, PathOf(path)).ToString();

    /// <summary>The receiver <paramref name="path"/> answers its n-th request with <c>answers[n-1]</c>, then 200.</summary>
    public void Answer(string path, params WebhookAnswer[] answers) =>
        Answer(path, hit => hit <= answers.Length ? answers[hit - 1] : WebhookAnswer.Ok);

    /// <summary>The receiver <paramref name="path"/> answers its n-th request (from 1) with <paramref name="answer"/>(n).</summary>
    public void Answer(string path, Func<int, WebhookAnswer> answer) => _answers[PathOf(path)] = answer;

    /// <summary>The webhooks of one job (<c>db/collection/id</c>), in arrival order.</summary>
    public IReadOnlyList<CapturedWebhook> For(string job) => [.. Received.Where(w => w.Headers.TryGetValue("TimerGrid-Job", out var key) && key == job)];

    private async Task ReceiveAsync(HttpContext http)
    {
        var request = http.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, http.RequestAborted);
        var path = PathOf(request.Path.Value ?? "");
        var hit = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        var answer = _answers.TryGetValue(path, out var script) ? script(hit) : WebhookAnswer.Ok;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        lock (_received)
        {
            _received.Add(new CapturedWebhook(new Uri(request.GetEncodedUrl()), headers, body.ToArray(), _clock.GetUtcNow(), answer));
        }
        if (answer.Hangs)
        {
            await HangAsync(http.RequestAborted);
            return;
        }
        if (answer.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
        }
        http.Response.StatusCode = answer.Status;
    }

    /// <summary>Until TimerGrid gives up on the request (its attempt timeout) or the inbox stops.</summary>
    private async Task HangAsync(CancellationToken requestAborted)
    {
        Interlocked.Increment(ref _hanging);
        try
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _stopping.Token);
            await Task.Delay(Timeout.InfiniteTimeSpan, either.Token);
        }
        catch (OperationCanceledException)
        {
            // the sender hung up: nothing to answer
        }
        finally
        {
            Interlocked.Decrement(ref _hanging);
        }
    }

    private static string PathOf(string path) => path.TrimStart('/');

    /// <summary>Stops the receivers; hanging requests end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
