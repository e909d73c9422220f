using System.Text;
using System.Text.Json;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Delivery;

/// <summary>One delivery attempt of one firing, ready to send.</summary>
internal sealed record WebhookMessage(Uri Url, string Secret, byte[] Body, JobKey Job, long TriggerTime, int Attempt)
{
    /// <summary>Standard Webhooks <c>webhook-id</c>: the same on every attempt of one schedule, so receivers can deduplicate.</summary>
    public string IdempotencyKey => $"{Job}@{TriggerTime}";

    public static WebhookMessage Create(JobKey job, JobSpec spec, RouteView route, int attempt)
    {
        var body = route.Spec.Payload == PayloadStyle.Envelope
            ? Envelope(job, spec, attempt)
            : Encoding.UTF8.GetBytes(spec.Meta);
        RouteSpecRules.TryNormalizeUrl(route.Spec.WebhookUrl, out var url);
        return new WebhookMessage(new Uri(url), route.Spec.Secret!, body, job, spec.TriggerTime ?? 0, attempt);
    }

    private static byte[] Envelope(JobKey job, JobSpec spec, int attempt)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", job.Id);
            json.WriteString("db", job.Db);
            json.WriteString("collection", job.Collection);
            json.WriteNumber("trigger_time", spec.TriggerTime ?? 0);
            json.WritePropertyName("meta");
            json.WriteRawValue(spec.Meta, skipInputValidation: true);
            json.WriteString("route", spec.Route);
            json.WriteNumber("attempt", attempt);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
