using System.Text;
using TimerGrid.Grains.Delivery;

namespace TimerGrid.Testing.Webhooks;

/// <summary>One webhook request as the receiver got it.</summary>
/// <param name="Url">The URL it was posted to.</param>
/// <param name="Headers">Its headers (names case-insensitive).</param>
/// <param name="Body">Its body: the job's <c>meta</c>, or the envelope for a route with <c>"payload": "envelope"</c>.</param>
/// <param name="ReceivedAt">The test clock's time when it arrived.</param>
/// <param name="Answer">What the receiver answered.</param>
public sealed record CapturedWebhook(Uri Url, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset ReceivedAt, WebhookAnswer Answer)
{
    /// <summary>How far <c>webhook-timestamp</c> may be from the receipt time, as Standard Webhooks' reference receivers allow.</summary>
    public static readonly TimeSpan TimestampTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The fired job, <c>db/collection/id</c> (header <c>TimerGrid-Job</c>).</summary>
    public string Job => Header("TimerGrid-Job");

    /// <summary>The attempt, from 1 (header <c>TimerGrid-Attempt</c>).</summary>
    public int Attempt => int.Parse(Header("TimerGrid-Attempt"));

    /// <summary>The occurrence's scheduled time (header <c>TimerGrid-Trigger-Time</c>).</summary>
    public DateTimeOffset TriggerTime => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Header("TimerGrid-Trigger-Time")));

    /// <summary>The idempotency key, the same on every attempt of one occurrence (header <c>webhook-id</c>).</summary>
    public string IdempotencyKey => Header("webhook-id");

    /// <summary>The header's value; throws <see cref="KeyNotFoundException"/> naming it when absent.</summary>
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"the webhook has no {name} header");

    /// <summary>
    /// True when <c>webhook-signature</c> carries the Standard Webhooks signature of this request by <paramref name="secret"/>
    /// (the route's, as <c>GET /route</c> shows it) and <c>webhook-timestamp</c> is within <see cref="TimestampTolerance"/>
    /// of the test clock at receipt: what a receiver should check before it trusts a webhook.
    /// </summary>
    public bool HasValidSignature(string secret)
    {
        if (!Headers.TryGetValue("webhook-id", out var id) || !Headers.TryGetValue("webhook-signature", out var signatures)
            || !Headers.TryGetValue("webhook-timestamp", out var stamp) || !long.TryParse(stamp, out var seconds)
            || (DateTimeOffset.FromUnixTimeSeconds(seconds) - ReceivedAt).Duration() > TimestampTolerance)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(WebhookSigner.Sign(secret, id, seconds, Body));
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(s => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }
}
