using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Grains.Delivery;

/// <summary>Sends one signed attempt and classifies the answer. Retries are the job grain's: they must survive restarts.</summary>
internal sealed partial class WebhookDelivery(IHttpClientFactory httpClients, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<WebhookDelivery> logger)
    : IRouteDelivery
{
    public const string HttpClientName = "timergrid-webhooks";

    public RouteType Type => RouteType.Rest;

    public Task<DeliveryResult> DeliverAsync(RouteFiring firing) =>
        SendAsync(WebhookMessage.Create(firing.Job, firing.Meta, firing.ScheduledTime, firing.Route, firing.Attempt));

    public async Task<DeliveryResult> SendAsync(WebhookMessage message)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url) { Content = new ByteArrayContent(message.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var headers = request.Headers;
        headers.Add("TimerGrid-Job", message.Job.ToString());
        headers.Add("TimerGrid-Trigger-Time", message.TriggerTime.ToString());
        headers.Add("TimerGrid-Attempt", message.Attempt.ToString());
        headers.Add("webhook-id", message.IdempotencyKey);
        headers.Add("webhook-timestamp", timestamp.ToString());
        headers.Add("webhook-signature", WebhookSigner.Sign(message.Secret, message.IdempotencyKey, timestamp, message.Body));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var status = (int)response.StatusCode;
            var body = await ReadStartAsync(response.Content);
            return response.IsSuccessStatusCode
                ? DeliveryResult.Success(status, body)
                : DeliveryResult.Failure($"HTTP {status} from {message.Url.Host}", RetryAfterOf(response), status, body);
        }
        catch (Exception e) when (RefusalIn(e) is { } refused)
        {
            // The policy will not change before the next attempt: the job fails now (a client may replay it).
            LogAttemptFailed(message.Job.ToString(), message.Attempt, refused.Message);
            return DeliveryResult.GiveUp(refused.Message);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException)
        {
            LogAttemptFailed(message.Job.ToString(), message.Attempt, e.Message);
            return DeliveryResult.Failure(e is HttpRequestException ? $"{e.Message}" : "timed out");
        }
    }

    /// <summary>The handler wraps what its ConnectCallback throws.</summary>
    private static DestinationRefusedException? RefusalIn(Exception? e) => e switch
    {
        null => null,
        DestinationRefusedException refused => refused,
        _ => RefusalIn(e.InnerException),
    };

    /// <summary>The first MaxResultBytes of the body, as text, for the execution's result; null when there is none.</summary>
    private async Task<string?> ReadStartAsync(HttpContent content)
    {
        var buffer = new byte[options.Value.MaxResultBytes];
        await using var stream = await content.ReadAsStreamAsync();
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length))) > 0)
        {
            length += read;
        }
        return length == 0 ? null : Encoding.UTF8.GetString(buffer, 0, length);
    }

    private TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Attempt {Attempt} of {JobKey} failed: {Error}")]
    private partial void LogAttemptFailed(string jobKey, int attempt, string error);
}
