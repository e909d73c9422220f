using System.Globalization;
using System.Text;

namespace TimerGrid.Bench.Peers.Webhooks;

/// <summary>
/// Sends a <see cref="WebhookCall"/> with the headers TimerGrid sends (<c>TimerGrid-Job</c>,
/// <c>TimerGrid-Trigger-Time</c>), so that the bench's receiver times every scheduler the same way.
/// A non-2xx answer throws: the scheduler's own retry policy takes over.
/// </summary>
public sealed class WebhookPoster(IHttpClientFactory httpClients)
{
    public const string ClientName = "webhook";

    public async Task PostAsync(WebhookCall call, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, call.Url)
        {
            Content = new StringContent(call.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("TimerGrid-Job", call.Job);
        request.Headers.Add("TimerGrid-Trigger-Time", call.TriggerTime.ToString(CultureInfo.InvariantCulture));
        using var response = await httpClients.CreateClient(ClientName).SendAsync(request, cancellation);
        response.EnsureSuccessStatusCode();
    }
}
