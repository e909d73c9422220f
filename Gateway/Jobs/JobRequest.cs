using System.Text.Json;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Gateway.Jobs;

/// <summary>The seed's job body: <c>{id, trigger_time, meta, route}</c>.</summary>
internal static class JobRequest
{
    /// <summary>meta when the client sends none.</summary>
    public const string EmptyMeta = "{}";

    public static (string? Id, JobSpec Spec) Parse(JsonElement body) =>
        (body.OptionalString("id"),
         new JobSpec(
             body.RequiredInt64("trigger_time", ErrorCodes.InvalidTriggerTime),
             body.RawOrNull("meta") ?? EmptyMeta,
             body.RequiredString("route")));
}
