using System.Text.Json;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>
/// The seed's job body <c>{id, trigger_time, meta, route}</c>, where a recurring job gives <c>schedule</c> instead of
/// <c>trigger_time</c>, plus the optional <c>name</c>, <c>enabled</c>, <c>misfire</c>, <c>allow_overlap</c>, <c>catch_up_window_ms</c>.
/// </summary>
internal static class JobRequest
{
    /// <summary>meta when the client sends none.</summary>
    public const string EmptyMeta = "{}";

    /// <summary>A create body, single or in a batch: <see cref="Parse"/>, and the <c>id</c> it must give.</summary>
    public static (string Id, JobSpec Spec) ParseCreate(JsonElement body)
    {
        var (id, spec) = Parse(body);
        return (id ?? throw new TimerGridException(ErrorCodes.MissingField, "id is required"), spec);
    }

    /// <summary>A create or replace body: the whole job, <c>route</c> required, absent options at their defaults.</summary>
    public static (string? Id, JobSpec Spec) Parse(JsonElement body)
    {
        var (id, fields) = ParsePatch(body);
        return (id, new JobSpec(fields.TriggerTime, fields.Meta ?? EmptyMeta, fields.Route ?? throw new TimerGridException(ErrorCodes.MissingField, "route is required"))
        {
            Schedule = fields.Schedule,
            Name = fields.Name,
            Enabled = fields.Enabled,
            Misfire = fields.Misfire ?? MisfirePolicy.FireOnce,
            AllowOverlap = fields.AllowOverlap ?? false,
            CatchUpWindowMs = fields.CatchUpWindowMs,
        });
    }

    /// <summary>
    /// A PATCH body: only the fields given, each checked for its JSON type. A null counts as not given, except for
    /// <c>meta</c>, which is any JSON delivered verbatim (as on a create).
    /// </summary>
    public static (string? Id, JobPatch Patch) ParsePatch(JsonElement body) =>
        (body.OptionalString("id"),
         new JobPatch
         {
             TriggerTime = body.OptionalInt64("trigger_time", ErrorCodes.InvalidTriggerTime),
             Meta = body.RawOrNull("meta"),
             Route = body.OptionalString("route"),
             Schedule = body.OptionalObject("schedule") is { } schedule ? ParseSchedule(schedule) : null,
             Name = body.OptionalString("name"),
             Enabled = body.OptionalBool("enabled"),
             Misfire = MisfirePolicies.Parse(body.OptionalString("misfire")),
             AllowOverlap = body.OptionalBool("allow_overlap"),
             CatchUpWindowMs = body.OptionalInt64("catch_up_window_ms", ErrorCodes.InvalidTrigger),
         });

    private static JobSchedule ParseSchedule(JsonElement schedule) => new()
    {
        Cron = schedule.OptionalString("cron"),
        TimeZone = schedule.OptionalString("timezone"),
        IntervalSeconds = schedule.OptionalInt64("interval", ErrorCodes.InvalidSchedule),
        StartTime = schedule.OptionalInt64("start_time", ErrorCodes.InvalidSchedule),
        EndTime = schedule.OptionalInt64("end_time", ErrorCodes.InvalidSchedule),
        JitterMs = (int)Math.Clamp(schedule.OptionalInt64("jitter_ms", ErrorCodes.InvalidSchedule) ?? 0, -1, int.MaxValue),
    };
}
