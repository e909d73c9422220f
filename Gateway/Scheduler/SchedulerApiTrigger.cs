using System.Text.Json;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>seed 003's <c>trigger</c> and <c>trigger_params</c> as a native <see cref="JobSchedule"/>.</summary>
internal static class SchedulerApiTrigger
{
    public const string Cron = "cron";
    public const string Interval = "interval";
    private const string TimeZoneParam = "timezone";

    public static JobSchedule ToSchedule(string trigger, JsonElement triggerParams) => trigger switch
    {
        Cron => new JobSchedule { Cron = SchedulerApiCron.ToExpression(triggerParams), TimeZone = triggerParams.OptionalString(TimeZoneParam) },
        Interval => new JobSchedule { IntervalSeconds = IntervalOf(triggerParams) },
        _ => throw Invalid($"trigger must be '{Cron}' or '{Interval}', not '{trigger}'"),
    };

    private static long IntervalOf(JsonElement triggerParams)
    {
        RequireOnly(triggerParams, Interval, [Interval, TimeZoneParam]);
        if (!triggerParams.TryGetProperty(Interval, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new TimerGridException(ErrorCodes.MissingField, "trigger_params.interval is required for an interval trigger");
        }
        // The web UI sends an integer; a string of digits is read as one too.
        long seconds = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
            _ => throw Invalid("trigger_params.interval must be an integer number of seconds"),
        };
        // The grain holds the upper bound; the original scheduler hangs on a negative interval.
        return seconds > 0 ? seconds : throw Invalid($"trigger_params.interval must be a positive number of seconds, not {seconds}");
    }

    /// <summary>A parameter the trigger does not know would be silently ignored; refuse it instead.</summary>
    public static void RequireOnly(JsonElement triggerParams, string trigger, IReadOnlyCollection<string> known)
    {
        foreach (var property in triggerParams.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw Invalid($"trigger_params.{property.Name} is not a parameter of the {trigger} trigger (known: {string.Join(", ", known)})");
            }
        }
    }

    public static TimerGridException Invalid(string message) => new(ErrorCodes.InvalidSchedule, message);
}
