using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Jobs;
using TimerGrid.Grains.Triggers;

namespace TimerGrid.Tests.Triggers;

/// <summary>Occurrences of cron and interval schedules: DST, start and end times, jitter, and what is refused.</summary>
public sealed class TriggerTests
{
    private static long Ms(string iso) => DateTimeOffset.Parse(iso).ToUnixTimeMilliseconds();

    private static string Iso(long? ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms!.Value).ToString("yyyy-MM-ddTHH:mm:ssZ");

    private static ITrigger Cron(string cron, string? zone = null, long? start = null, long? end = null) =>
        TriggerFactory.For(0, new JobSchedule { Cron = cron, TimeZone = zone, StartTime = start, EndTime = end }, scheduledAt: 0);

    [Fact]
    public void Cron_SkippedLocalHour_FiresOnceRightAfterTheGap()
    {
        // Berlin, 2026-03-29: 02:00 local jumps to 03:00 (01:00Z). 02:30 does not exist that day.
        var trigger = Cron("30 2 * * *", "Europe/Berlin");

        var first = trigger.NextAfter(Ms("2026-03-28T12:00:00Z"));
        var second = trigger.NextAfter(first!.Value);

        Assert.Equal("2026-03-29T01:00:00Z", Iso(first));   // 03:00 CEST, the end of the gap
        Assert.Equal("2026-03-30T00:30:00Z", Iso(second));  // 02:30 CEST the next day
    }

    [Fact]
    public void Cron_RepeatedLocalHour_FiresOnce()
    {
        // Berlin, 2026-10-25: 03:00 CEST falls back to 02:00 CET, so 02:30 local happens twice.
        var trigger = Cron("30 2 * * *", "Europe/Berlin");

        var first = trigger.NextAfter(Ms("2026-10-24T12:00:00Z"));
        var second = trigger.NextAfter(first!.Value);

        Assert.Equal("2026-10-25T00:30:00Z", Iso(first));   // 02:30 CEST, the first pass
        Assert.Equal("2026-10-26T01:30:00Z", Iso(second));  // not 01:30Z the same day (02:30 CET again)
    }

    [Fact]
    public void Cron_SixFields_HasSeconds()
    {
        var trigger = Cron("*/15 * * * * *");

        Assert.Equal(Ms("2026-01-01T00:00:15Z"), trigger.NextAfter(Ms("2026-01-01T00:00:00Z")));
    }

    [Fact]
    public void Cron_StartAndEnd_BoundTheOccurrences()
    {
        var trigger = Cron("0 * * * *", start: Ms("2026-01-01T05:30:00Z"), end: Ms("2026-01-01T08:00:00Z"));

        Assert.Equal(Ms("2026-01-01T06:00:00Z"), trigger.NextAfter(Ms("2026-01-01T00:00:00Z")));
        Assert.Equal(Ms("2026-01-01T07:00:00Z"), trigger.NextAfter(Ms("2026-01-01T06:00:00Z")));
        Assert.Null(trigger.NextAfter(Ms("2026-01-01T07:00:00Z")));   // 08:00 is the end, exclusive
    }

    [Fact]
    public void Interval_WithoutStart_FirstFiresOneIntervalAfterScheduling()
    {
        var scheduledAt = Ms("2026-01-01T00:00:00Z");
        var trigger = TriggerFactory.For(0, new JobSchedule { IntervalSeconds = 60 }, scheduledAt);

        Assert.Equal(scheduledAt + 60_000, trigger.NextAfter(scheduledAt - 1));
        Assert.Equal(scheduledAt + 120_000, trigger.NextAfter(scheduledAt + 60_000));
        Assert.Equal(scheduledAt + 3_600_000, trigger.NextAfter(scheduledAt + 3_599_999));
    }

    [Fact]
    public void Interval_WithStartAndEnd_CountsFromStartAndStopsBeforeEnd()
    {
        var start = Ms("2026-01-01T00:00:00Z");
        var trigger = TriggerFactory.For(0, new JobSchedule { IntervalSeconds = 10, StartTime = start, EndTime = start + 30_000 }, scheduledAt: 0);

        Assert.Equal(start, trigger.NextAfter(0));
        Assert.Equal(start + 20_000, trigger.NextAfter(start + 15_000));
        Assert.Null(trigger.NextAfter(start + 20_000));
    }

    [Fact]
    public void OneShot_HasOneOccurrence_EvenInThePast()
    {
        var trigger = TriggerFactory.For(1_000, schedule: null, scheduledAt: 5_000);

        Assert.False(trigger.IsRecurring);
        Assert.Equal(1_000, trigger.NextAfter(999));
        Assert.Null(trigger.NextAfter(1_000));
    }

    [Fact]
    public void Jitter_DrawnPerOccurrence_StaysWithinBounds()
    {
        var state = new JobState { Schedule = new JobSchedule { IntervalSeconds = 1, JitterMs = 250 } };
        var draws = new List<int>();
        for (var i = 0; i < 500; i++)
        {
            state.MoveTo(1_000 * i);
            draws.Add(state.JitterMs);
            Assert.Equal(1_000L * i + state.JitterMs, state.OccurrenceDueAt);
        }

        Assert.All(draws, d => Assert.InRange(d, 0, 250));
        Assert.True(draws.Distinct().Count() > 50, "jitter is drawn anew for each occurrence");
    }

    [Theory]
    [InlineData("61 * * * *", null, null)]
    [InlineData("* * *", null, null)]
    [InlineData("0 3 * * *", "Mars/Olympus_Mons", null)]
    [InlineData("0 3 * * *", "../../etc/passwd", null)]
    [InlineData("0 0 30 2 *", null, null)]   // February 30th never comes
    [InlineData(null, null, 0L)]
    [InlineData(null, null, -5L)]
    [InlineData(null, "UTC", 60L)]   // a time zone means nothing to an interval
    public void Validate_BadSchedule_IsRefusedWithE019(string? cron, string? zone, long? interval)
    {
        var schedule = new JobSchedule { Cron = cron, TimeZone = zone, IntervalSeconds = interval };

        var error = Assert.Throws<TimerGridException>(() => TriggerFactory.Validate(schedule, Ms("2026-01-01T00:00:00Z")));

        Assert.Equal(ErrorCodes.InvalidSchedule, error.Error);
    }

    [Fact]
    public void Validate_EndBeforeStartOrHugeJitter_IsRefused()
    {
        var now = Ms("2026-01-01T00:00:00Z");

        Assert.Throws<TimerGridException>(() => TriggerFactory.Validate(new JobSchedule { IntervalSeconds = 1, StartTime = now + 10, EndTime = now }, now));
        Assert.Throws<TimerGridException>(() => TriggerFactory.Validate(new JobSchedule { IntervalSeconds = 1, JitterMs = TriggerFactory.MaxJitterMs + 1 }, now));
        Assert.Throws<TimerGridException>(() => TriggerFactory.Validate(new JobSchedule { Cron = "0 * * * *", EndTime = now - 1 }, now));
    }
}
