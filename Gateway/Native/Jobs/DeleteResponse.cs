using System.Text.Json.Serialization;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>
/// DELETE /job: seed 000's <c>{"status":"ok"}</c> and seed 004's answer at once, <c>deleted</c> or, while a delivery of the
/// job is in flight, <c>queued_for_deletion</c>.
/// </summary>
internal sealed record DeleteResponse(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Deleted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? QueuedForDeletion)
{
    public static DeleteResponse Done(string id) => new("ok", id, null);

    public static DeleteResponse Queued(string id) => new("ok", null, id);
}
