using Cronos;

namespace TimerGrid.Grains.Triggers;

/// <summary>
/// A cron expression read in a time zone, from <paramref name="startTime"/> on, before <paramref name="endTime"/>.
/// Cronos handles DST: a time in a skipped local hour fires once right after the gap, a repeated hour fires once.
/// </summary>
internal sealed class CronTrigger(CronExpression expression, TimeZoneInfo zone, long? startTime, long? endTime) : ITrigger
{
    public bool IsRecurring => true;

    public long? NextAfter(long after)
    {
        var from = Math.Max(after + 1, startTime ?? long.MinValue);   // ms resolution: strictly after `after`
        var next = expression.GetNextOccurrence(DateTimeOffset.FromUnixTimeMilliseconds(from).UtcDateTime, zone, inclusive: true);
        return next is { } occurrence && new DateTimeOffset(occurrence).ToUnixTimeMilliseconds() is var ms && ms < (endTime ?? long.MaxValue)
            ? ms
            : null;
    }
}
