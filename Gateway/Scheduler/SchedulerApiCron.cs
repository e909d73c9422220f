using System.Globalization;
using System.Text.Json;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>seed 003's cron <c>trigger_params</c> (APScheduler's cron trigger) as a Cronos expression.</summary>
internal static class SchedulerApiCron
{
    private static readonly string[] Known = [.. SchedulerApiCronField.All.Select(f => f.Name), "timezone"];

    /// <summary><c>minute hour day month day_of_week</c>, with a leading second field only when <c>second</c> is given.</summary>
    public static string ToExpression(JsonElement triggerParams)
    {
        SchedulerApiTrigger.RequireOnly(triggerParams, SchedulerApiTrigger.Cron, Known);
        var given = SchedulerApiCronField.All.Select(field => TextOf(triggerParams, field)).ToArray();
        var leastSignificant = Array.FindLastIndex(given, text => text is not null);
        if (leastSignificant < 0)
        {
            throw SchedulerApiTrigger.Invalid("a cron trigger needs at least one of month, day, day_of_week, hour, minute in trigger_params");
        }
        // APScheduler: a field left out is '*' above the least significant given field and its minimum below it.
        var fields = SchedulerApiCronField.All.Select((field, i) => given[i] is { } text ? Translate(field, text)
            : i < leastSignificant ? "*" : field.Default).ToArray();
        var (month, day, dayOfWeek, hour, minute, second) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        var expression = $"{minute} {hour} {day} {month} {dayOfWeek}";
        return given[^1] is null ? expression : $"{second} {expression}";
    }

    private static string? TextOf(JsonElement triggerParams, SchedulerApiCronField field)
    {
        if (!triggerParams.TryGetProperty(field.Name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Trim(),
            JsonValueKind.Number when value.TryGetInt32(out var n) => n.ToString(CultureInfo.InvariantCulture),
            _ => throw SchedulerApiTrigger.Invalid($"trigger_params.{field.Name} must be a string or an integer"),
        };
        return text.Length > 0 ? text : throw SchedulerApiTrigger.Invalid($"trigger_params.{field.Name} is empty");
    }

    private static string Translate(SchedulerApiCronField field, string text)
    {
        var ranges = text.Split(',').Select(part => SchedulerApiCronRange.Parse(field, part.Trim())).ToArray();
        return field == SchedulerApiCronField.DayOfWeek ? DaysOfWeek(ranges) : string.Join(',', ranges.Select(r => r.ToCronos()));
    }

    /// <summary>APScheduler counts from Monday = 0, Cronos from Sunday = 0: list the days, Monday first, in Cronos' numbers.</summary>
    private static string DaysOfWeek(SchedulerApiCronRange[] ranges)
    {
        var days = ranges.SelectMany(r => r.Values()).Distinct().Order().ToArray();
        return days.Length == 7 ? "*" : string.Join(',', days.Select(day => (day + 1) % 7));
    }
}
