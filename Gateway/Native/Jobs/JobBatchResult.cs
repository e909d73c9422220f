using System.Text.Json.Serialization;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>One job's answer in a batch: <c>{"id", "status": "ok"}</c> or <c>{"id", "error", "code"}</c>, the code a single create would give.</summary>
internal sealed record JobBatchResult(
    string? Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code)
{
    public static JobBatchResult From(JobCreateResult result) =>
        result.Error is { } error ? new(result.Id, null, result.Message, error.Code) : new(result.Id, "ok", null, null);
}
