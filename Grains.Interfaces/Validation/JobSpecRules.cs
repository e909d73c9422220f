using System.Text;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Interfaces.Validation;

/// <summary>What makes a <see cref="JobSpec"/> acceptable. Checked by the gateway and again by the grain.</summary>
public static class JobSpecRules
{
    /// <summary>2000-01-01T00:00:00Z: earlier values are almost always seconds sent as milliseconds.</summary>
    public const long MinTriggerTime = 946_684_800_000;

    /// <summary>2100-01-01T00:00:00Z.</summary>
    public const long MaxTriggerTime = 4_102_444_800_000;

    /// <summary>Throws a <see cref="TimerGridException"/> for the first broken rule.</summary>
    public static void Validate(JobKey key, JobSpec spec, int maxMetaBytes)
    {
        KeyRules.Require(key.Db, "db");
        KeyRules.Require(key.Collection, "collection");
        KeyRules.Require(key.Id, "id");
        if (spec.TriggerTime is null && spec.Schedule is null)
        {
            throw new TimerGridException(ErrorCodes.MissingField, "trigger_time (one-shot) or schedule (recurring) is required");
        }
        if (spec.TriggerTime is not null && spec.Schedule is not null)
        {
            throw new TimerGridException(ErrorCodes.InvalidTrigger, "a job has either trigger_time or schedule, not both");
        }
        if (spec.TriggerTime is { } triggerTime)
        {
            RequireTriggerTime(triggerTime);
        }
        if (spec.CatchUpWindowMs is < 0)
        {
            throw new TimerGridException(ErrorCodes.InvalidTrigger, "catch_up_window_ms must not be negative");
        }
        NameRules.Require(spec.Name);
        KeyRules.Require(spec.Route, "route");
        var metaBytes = Encoding.UTF8.GetByteCount(spec.Meta);
        if (metaBytes > maxMetaBytes)
        {
            throw new TimerGridException(ErrorCodes.MetaTooLarge,
                $"meta is {metaBytes} bytes; the limit is {maxMetaBytes}");
        }
    }

    /// <summary>Throws <see cref="ErrorCodes.InvalidTriggerTime"/> outside [2000-01-01, 2100-01-01) in epoch ms.</summary>
    public static void RequireTriggerTime(long triggerTime)
    {
        if (triggerTime is < MinTriggerTime or >= MaxTriggerTime)
        {
            throw new TimerGridException(ErrorCodes.InvalidTriggerTime,
                $"trigger_time must be epoch milliseconds between {MinTriggerTime} (2000-01-01) and {MaxTriggerTime} (2100-01-01)");
        }
    }
}
