using System.Globalization;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>seed 003's times: ISO-8601 with an offset, as Python's <c>isoformat()</c> writes them.</summary>
internal static class SchedulerApiTime
{
    /// <summary>seed 003: a range left open ends now and starts ten minutes before its end.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromMinutes(10);

    public static string Format(long epochMs, string? timeZone = null)
    {
        var utc = DateTimeOffset.FromUnixTimeMilliseconds(epochMs);
        var local = timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? TimeZoneInfo.ConvertTime(utc, zone)
            : utc;
        return local.ToString(local.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
    }

    /// <summary>[start, end) in epoch ms from the query's <c>time_range_start</c> and <c>time_range_end</c>; an empty one counts as absent.</summary>
    public static (long From, long To) ParseRange(string? start, string? end, DateTimeOffset now)
    {
        var to = string.IsNullOrWhiteSpace(end) ? now : Parse(end, "time_range_end");
        var from = string.IsNullOrWhiteSpace(start) ? to - DefaultRange : Parse(start, "time_range_start");
        return (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
    }

    private static DateTimeOffset Parse(string text, string name)
    {
        // The web UI puts the offset's '+' in the query unencoded, and a query's '+' decodes to a space.
        var iso = text.Trim().Replace(' ', '+');
        return DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new TimerGridException(ErrorCodes.InvalidTimeRange, $"{name} must be an ISO-8601 time such as 2015-12-19T00:31:50.313Z, not '{text}'");
    }
}
