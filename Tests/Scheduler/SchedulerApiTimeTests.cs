using TimerGrid.Gateway.Scheduler;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Tests.Scheduler;

/// <summary>seed 003's times: ISO-8601 with an offset out, ISO-8601 in as the web UI sends it.</summary>
public sealed class SchedulerApiTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1795662000000, null, "2026-11-26T03:00:00+00:00")]
    [InlineData(1795662000123, null, "2026-11-26T03:00:00.123000+00:00")]
    [InlineData(1795662000000, "Europe/Paris", "2026-11-26T04:00:00+01:00")]
    [InlineData(1795662000000, "Nowhere/Else", "2026-11-26T03:00:00+00:00")]
    public void Format_EpochMs_IsIsoWithOffset(long epochMs, string? timeZone, string expected) =>
        Assert.Equal(expected, SchedulerApiTime.Format(epochMs, timeZone));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ParseRange_NothingGiven_IsTheLastTenMinutes(string? given) =>
        Assert.Equal((Now.AddMinutes(-10).ToUnixTimeMilliseconds(), Now.ToUnixTimeMilliseconds()), SchedulerApiTime.ParseRange(given, given, Now));

    [Fact]
    public void ParseRange_OnlyEnd_StartsTenMinutesBeforeIt() =>
        Assert.Equal((1450484510313 - 600_000, 1450484510313), SchedulerApiTime.ParseRange(null, "2015-12-19T00:21:50.313Z", Now));

    [Fact]
    public void ParseRange_OnlyStart_EndsNow() =>
        Assert.Equal((1450484510313, Now.ToUnixTimeMilliseconds()), SchedulerApiTime.ParseRange("2015-12-19T00:21:50.313Z", null, Now));

    [Theory]
    [InlineData("2015-12-19T01:21:50.313+01:00")]
    [InlineData("2015-12-19T01:21:50.313 01:00")]
    [InlineData("2015-12-19T00:21:50.313Z")]
    [InlineData("2015-12-19T00:21:50.313")]
    public void ParseRange_OffsetForms_AreTheSameInstant(string start) =>
        Assert.Equal(1450484510313, SchedulerApiTime.ParseRange(start, "2015-12-19T01:31:50.313Z", Now).From);

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2015-13-45T00:00:00Z")]
    public void ParseRange_BadTime_ThrowsInvalidTimeRange(string start)
    {
        var e = Assert.Throws<TimerGridException>(() => SchedulerApiTime.ParseRange(start, null, Now));
        Assert.Equal(ErrorCodes.InvalidTimeRange, e.Error);
    }
}
