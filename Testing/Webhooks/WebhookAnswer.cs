namespace TimerGrid.Testing.Webhooks;

/// <summary>What a receiver of <see cref="WebhookInbox"/> answers one webhook.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="RetryAfter">A <c>Retry-After</c> header, in seconds, when set.</param>
public sealed record WebhookAnswer(int Status, TimeSpan? RetryAfter = null)
{
    /// <summary>200: delivered.</summary>
    public static WebhookAnswer Ok { get; } = new(200);

    /// <summary>
    /// No answer at all: the request hangs until TimerGrid's attempt timeout (<c>TimerGrid:Delivery:AttemptTimeout</c>,
    /// 10 s) passes on the test clock, and the attempt counts as timed out.
    /// </summary>
    public static WebhookAnswer Hang { get; } = new(0) { Hangs = true };

    /// <summary>True for <see cref="Hang"/>.</summary>
    public bool Hangs { get; private init; }

    /// <summary>An answer with <paramref name="status"/>, e.g. 500: a failed attempt, retried with backoff.</summary>
    public static WebhookAnswer WithStatus(int status) => new(status);

    /// <summary>429 Too Many Requests, with an optional <c>Retry-After</c> that TimerGrid honours.</summary>
    public static WebhookAnswer TooManyRequests(TimeSpan? retryAfter = null) => new(429, retryAfter);
}
