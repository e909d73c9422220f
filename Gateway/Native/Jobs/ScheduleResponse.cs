using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>A recurring job's <c>schedule</c> as the client sent it: <c>cron</c> and <c>timezone</c>, or <c>interval</c> seconds.</summary>
internal sealed record ScheduleResponse(string? Cron, string? Timezone, long? Interval, long? StartTime, long? EndTime, int JitterMs)
{
    public static ScheduleResponse? From(JobSchedule? schedule) => schedule is null
        ? null
        : new(schedule.Cron, schedule.TimeZone, schedule.IntervalSeconds, schedule.StartTime, schedule.EndTime, schedule.JitterMs);
}
