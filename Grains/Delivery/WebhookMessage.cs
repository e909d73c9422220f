using System.Text;
using System.Text.Json;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Delivery;

/// <summary>One delivery attempt of one firing, ready to send.</summary>
internal sealed record WebhookMessage(Uri Url, string Secret, byte[] Body, JobKey Job, long TriggerTime, int Attempt)
{
    /// <summary>Standard Webhooks <c>webhook-id</c>: the same on every attempt of one occurrence, so receivers can deduplicate.</summary>
    public string IdempotencyKey => $"{Job}@{TriggerTime}";

    /// <param name="scheduledTime">The occurrence's time: the one-shot trigger time, a recurring occurrence, or a run-now's request time.</param>
    public static WebhookMessage Create(JobKey job, string meta, long scheduledTime, RouteView route, int attempt)
    {
        var body = route.Spec.Payload == PayloadStyle.Envelope
            ? Envelope(job, meta, scheduledTime, route.Key.Id, attempt)
            : Encoding.UTF8.GetBytes(meta);
        RouteSpecRules.TryNormalizeUrl(route.Spec.WebhookUrl, out var url);
        return new WebhookMessage(new Uri(url), route.Spec.Secret!, body, job, scheduledTime, attempt);
    }

    private static byte[] Envelope(JobKey job, string meta, long scheduledTime, string routeId, int attempt)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", job.Id);
            json.WriteString("db", job.Db);
            json.WriteString("collection", job.Collection);
            json.WriteNumber("trigger_time", scheduledTime);
            json.WritePropertyName("meta");
            json.WriteRawValue(meta, skipInputValidation: true);
            json.WriteString("route", routeId);
            json.WriteNumber("attempt", attempt);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
