using Cronos;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Triggers;

/// <summary>Builds a job's <see cref="ITrigger"/>, and checks a schedule the way building it would (with a clear error).</summary>
internal static class TriggerFactory
{
    /// <summary>Longest accepted interval: ten years.</summary>
    public const long MaxIntervalSeconds = 10L * 366 * 24 * 3600;

    /// <summary>Largest accepted jitter: one hour.</summary>
    public const int MaxJitterMs = 3_600_000;

    /// <param name="triggerTime">The one-shot time, when <paramref name="schedule"/> is null.</param>
    /// <param name="schedule">The recurring schedule, or null.</param>
    /// <param name="scheduledAt">When the schedule was set: an interval without a start time begins one interval later.</param>
    public static ITrigger For(long triggerTime, JobSchedule? schedule, long scheduledAt)
    {
        if (schedule is null)
        {
            return new OneShotTrigger(triggerTime);
        }
        if (schedule.IntervalSeconds is { } seconds)
        {
            return new IntervalTrigger(schedule.StartTime ?? scheduledAt + seconds * 1000, seconds * 1000, schedule.EndTime);
        }
        return new CronTrigger(ParseCron(schedule.Cron), ZoneOf(schedule.TimeZone), schedule.StartTime, schedule.EndTime);
    }

    /// <summary>Throws <see cref="ErrorCodes.InvalidSchedule"/> for the first broken rule, or when the schedule never fires after <paramref name="now"/>.</summary>
    public static void Validate(JobSchedule schedule, long now)
    {
        if ((schedule.Cron is null) == (schedule.IntervalSeconds is null))
        {
            throw Invalid("a schedule needs exactly one of cron and interval");
        }
        if (schedule.IntervalSeconds is { } seconds && seconds is < 1 or > MaxIntervalSeconds)
        {
            throw Invalid($"interval must be an integer number of seconds from 1 to {MaxIntervalSeconds}");
        }
        if (schedule.IntervalSeconds is not null && schedule.TimeZone is not null)
        {
            throw Invalid("timezone applies to cron schedules only");
        }
        foreach (var (name, time) in new[] { ("start_time", schedule.StartTime), ("end_time", schedule.EndTime) })
        {
            if (time is { } t && t is < JobSpecRules.MinTriggerTime or >= JobSpecRules.MaxTriggerTime)
            {
                throw Invalid($"{name} must be epoch milliseconds between {JobSpecRules.MinTriggerTime} and {JobSpecRules.MaxTriggerTime}");
            }
        }
        if (schedule is { StartTime: { } start, EndTime: { } end } && start >= end)
        {
            throw Invalid("start_time must be before end_time");
        }
        if (schedule.JitterMs is < 0 or > MaxJitterMs)
        {
            throw Invalid($"jitter_ms must be from 0 to {MaxJitterMs}");
        }
        if (For(0, schedule, now).NextAfter(now - 1) is null)
        {
            throw Invalid("the schedule has no occurrence from now on");
        }
    }

    private static CronExpression ParseCron(string? cron)
    {
        var fields = (cron ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6) || cron!.Length > 256)
        {
            throw Invalid("cron must have 5 fields (minute hour day month day-of-week) or 6 (seconds first)");
        }
        try
        {
            return CronExpression.Parse(string.Join(' ', fields), fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw Invalid($"cron '{cron}' is invalid: {e.Message}");
        }
    }

    private static TimeZoneInfo ZoneOf(string? timeZone)
    {
        if (timeZone is null)
        {
            return TimeZoneInfo.Utc;
        }
        try
        {
            return timeZone.Length <= 64 && timeZone.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+') ? TimeZoneInfo.FindSystemTimeZoneById(timeZone) : throw new TimeZoneNotFoundException();
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw Invalid($"timezone '{timeZone}' is not a known IANA time zone");
        }
    }

    private static TimerGridException Invalid(string message) => new(ErrorCodes.InvalidSchedule, message);
}
