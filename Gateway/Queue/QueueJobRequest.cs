using System.Text.Json;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Queues;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Queue;

/// <summary>The seed's bodies: an enqueue <c>{queue, params}</c> and a worker's update <c>{status, result}</c>.</summary>
internal static class QueueJobRequest
{
    /// <summary>The queue name and the params' JSON text (absent params are <c>{}</c>).</summary>
    public static (string Queue, string Params) ParseEnqueue(JsonElement body)
    {
        var queue = body.TryGetProperty("queue", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString()! : "";
        RequireQueueName(queue);
        if (!body.TryGetProperty("params", out var parameters) || parameters.ValueKind == JsonValueKind.Null)
        {
            return (queue, "{}");
        }
        return parameters.ValueKind == JsonValueKind.Object
            ? (queue, parameters.GetRawText())
            : throw new TimerGridException(ErrorCodes.InvalidQueueParams, "params must be a JSON object");
    }

    /// <summary>The new status (done or failed) and the result's JSON text (null when absent).</summary>
    public static (QueueItemStatus Status, string? Result) ParseUpdate(JsonElement body)
    {
        var status = body.TryGetProperty("status", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var parsed = status switch
        {
            "done" => QueueItemStatus.Done,
            "failed" => QueueItemStatus.Failed,
            _ => throw new TimerGridException(ErrorCodes.InvalidQueueJobStatus, "status must be \"done\" or \"failed\""),
        };
        return (parsed, body.TryGetProperty("result", out var result) ? result.GetRawText() : null);
    }

    /// <summary>A queue is a route id in db <c>default</c>: 1–128 characters of <c>[A-Za-z0-9._~-]</c>.</summary>
    public static void RequireQueueName(string queue)
    {
        if (!KeyRules.IsValid(queue))
        {
            throw new TimerGridException(ErrorCodes.InvalidQueueName, "queue must be 1-128 characters of [A-Za-z0-9._~-], not . or ..");
        }
    }
}
