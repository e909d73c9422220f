using System.Text;
using System.Text.Json;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>
/// A seed-003 job as its clients see it. Stored as the native job's meta, so the webhook body carries
/// <c>pub_args</c> and the job's identity, and a GET gives back exactly what was sent.
/// </summary>
internal sealed record SchedulerApiJob(string JobId, string Name, string JobClassString, JsonElement PubArgs, string Trigger, JsonElement TriggerParams)
{
    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement;
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;

    public static SchedulerApiJob Create(string jobId, string name, string jobClassString, JsonElement? pubArgs, string trigger, JsonElement triggerParams) =>
        new(jobId, name, jobClassString, pubArgs?.Clone() ?? EmptyArray, trigger, triggerParams.Clone());

    /// <summary>The job from its stored meta; a job put into the collection through the native API gets what its spec says.</summary>
    public static SchedulerApiJob From(JobView job)
    {
        using var meta = JsonDocument.Parse(job.Spec.Meta);
        var root = meta.RootElement;
        string Text(string name, string fallback) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : fallback;
        JsonElement Element(string name, JsonValueKind kind, JsonElement fallback) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == kind ? v.Clone() : fallback;
        var trigger = job.Spec.Schedule switch
        {
            { Cron: not null } => SchedulerApiTrigger.Cron,
            { IntervalSeconds: not null } => SchedulerApiTrigger.Interval,
            _ => "",
        };
        return new(job.Key.Id, Text("name", job.Spec.Name ?? ""), Text("job_class_string", job.Spec.Route),
            Element("pub_args", JsonValueKind.Array, EmptyArray), Text("trigger", trigger),
            Element("trigger_params", JsonValueKind.Object, EmptyObject));
    }

    /// <summary>The native job's meta: these six fields, in the document's order, the client's values verbatim.</summary>
    public string ToMeta()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("job_id", JobId);
            writer.WriteString("name", Name);
            writer.WriteString("job_class_string", JobClassString);
            writer.WritePropertyName("pub_args");
            PubArgs.WriteTo(writer);
            writer.WriteString("trigger", Trigger);
            writer.WritePropertyName("trigger_params");
            TriggerParams.WriteTo(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
