using System.Text.Json;

namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>
/// The seed-002 job object <c>{id, queue, status, priority, params, attempts, result}</c>, as every answer of the surface
/// and every callback shows it; <c>attempts</c> (how many times a worker took it) is TimerGrid's, <c>result</c> shows
/// once a worker set one. Params and result are the clients' JSON, verbatim.
/// </summary>
public static class QueueItemJson
{
    /// <summary>The job as UTF-8 JSON.</summary>
    public static byte[] Serialize(QueueItemView item)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", item.Id);
            json.WriteString("queue", item.Queue);
            json.WriteString("status", StatusName(item.Status));
            json.WriteNumber("priority", item.Priority);
            json.WritePropertyName("params");
            json.WriteRawValue(item.Params, skipInputValidation: true);
            json.WriteNumber("attempts", item.Attempts);
            if (item.Result is { } result)
            {
                json.WritePropertyName("result");
                json.WriteRawValue(result, skipInputValidation: true);
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The status as the wire shows it: <c>queued</c>, <c>running</c>, <c>done</c>, <c>failed</c>, <c>cancelled</c>.</summary>
    public static string StatusName(QueueItemStatus status) => status.ToString().ToLowerInvariant();
}
