using System.Text.Json;
using TimerGrid.Gateway.Scheduler;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Tests.Scheduler;

/// <summary>seed 003's trigger_params (APScheduler's cron and interval triggers) become the schedule APScheduler would run.</summary>
public sealed class SchedulerApiTriggerTests
{
    private static JsonElement Params(string json) => JsonDocument.Parse(json).RootElement;

    private static string Cron(string json) => SchedulerApiTrigger.ToSchedule("cron", Params(json)).Cron!;

    [Theory]
    [InlineData("""{"hour": "3"}""", "0 3 * * *")]
    [InlineData("""{"minute": "*/1"}""", "* * * * *")]
    [InlineData("""{"month": "6"}""", "0 0 1 6 *")]
    [InlineData("""{"day": "15"}""", "0 0 15 * *")]
    [InlineData("""{"month": "*", "day_of_week": "*", "day": "*", "hour": "*/1", "minute": "*"}""", "* * * * *")]
    [InlineData("""{"day": "1", "minute": "30"}""", "30 * 1 * *")]
    [InlineData("""{"day_of_week": "mon"}""", "0 0 * * 1")]
    [InlineData("""{"second": "*/10"}""", "*/10 * * * * *")]
    [InlineData("""{"hour": "*/2"}""", "0 */2 * * *")]
    public void Cron_PartialFields_FollowApschedulerDefaults(string json, string expected) =>
        Assert.Equal(expected, Cron(json));

    [Theory]
    [InlineData("0", "1")]
    [InlineData("6", "0")]
    [InlineData("mon", "1")]
    [InlineData("SUN", "0")]
    [InlineData("Fri", "5")]
    [InlineData("mon-fri", "1,2,3,4,5")]
    [InlineData("5-6", "6,0")]
    [InlineData("sat,sun", "6,0")]
    [InlineData("*/2", "1,3,5,0")]
    [InlineData("0-4/2", "1,3,5")]
    [InlineData("3/2", "4,6")]
    [InlineData("*", "*")]
    [InlineData("0-6", "*")]
    [InlineData("mon,0, tue", "1,2")]
    public void Cron_DayOfWeek_TranslatesApschedulerNumberingToCronos(string dayOfWeek, string expected) =>
        Assert.Equal($"0 0 * * {expected}", Cron($$"""{"day_of_week": "{{dayOfWeek}}", "hour": "0"}"""));

    [Fact]
    public void Cron_IntegerValues_ReadLikeStrings() =>
        Assert.Equal(Cron("""{"hour": "3", "minute": "15", "day_of_week": "0"}"""), Cron("""{"hour": 3, "minute": 15, "day_of_week": 0}"""));

    [Fact]
    public void Cron_NullField_CountsAsNotGiven() =>
        Assert.Equal("0 3 * * *", Cron("""{"hour": "3", "minute": null}"""));

    [Theory]
    [InlineData("""{"month": "jan-mar"}""", "0 0 1 1-3 *")]
    [InlineData("""{"minute": "5/15"}""", "5-59/15 * * * *")]
    [InlineData("""{"minute": "0,30", "hour": "9-17"}""", "0,30 9-17 * * *")]
    [InlineData("""{"minute": " 7 "}""", "7 * * * *")]
    public void Cron_OtherFields_BecomeCronosSyntax(string json, string expected) =>
        Assert.Equal(expected, Cron(json));

    [Fact]
    public void Cron_TimeZone_IsKeptAndUtcWhenAbsent()
    {
        Assert.Equal("Europe/Paris", SchedulerApiTrigger.ToSchedule("cron", Params("""{"hour": "3", "timezone": "Europe/Paris"}""")).TimeZone);
        Assert.Null(SchedulerApiTrigger.ToSchedule("cron", Params("""{"hour": "3"}""")).TimeZone);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"timezone": "UTC"}""")]
    [InlineData("""{"minute": "60"}""")]
    [InlineData("""{"hour": "24"}""")]
    [InlineData("""{"hour": -1}""")]
    [InlineData("""{"day": "0"}""")]
    [InlineData("""{"day": "32"}""")]
    [InlineData("""{"month": "13"}""")]
    [InlineData("""{"day_of_week": "7"}""")]
    [InlineData("""{"day_of_week": "funday"}""")]
    [InlineData("""{"day_of_week": "sun-mon"}""")]
    [InlineData("""{"minute": "*/0"}""")]
    [InlineData("""{"minute": "*/60"}""")]
    [InlineData("""{"minute": "5-1"}""")]
    [InlineData("""{"minute": "1-2-3"}""")]
    [InlineData("""{"minute": "a"}""")]
    [InlineData("""{"minute": ""}""")]
    [InlineData("""{"minute": "1,,2"}""")]
    [InlineData("""{"minute": "L"}""")]
    [InlineData("""{"hour": "mon"}""")]
    [InlineData("""{"minute": 1.5}""")]
    [InlineData("""{"minute": true}""")]
    [InlineData("""{"minute": ["1"]}""")]
    [InlineData("""{"hour": "3", "week": "1"}""")]
    [InlineData("""{"hour": "3", "timezone": 1}""")]
    public void Cron_BadParams_ThrowInvalidSchedule(string json)
    {
        var e = Assert.Throws<TimerGridException>(() => Cron(json));
        Assert.Equal(400, e.Error.Status);
    }

    [Theory]
    [InlineData("""{"interval": 3600}""", 3600)]
    [InlineData("""{"interval": 1}""", 1)]
    [InlineData("""{"interval": "90"}""", 90)]
    public void Interval_PositiveSeconds_BecomeIntervalSeconds(string json, long expected)
    {
        var schedule = SchedulerApiTrigger.ToSchedule("interval", Params(json));
        Assert.Equal(expected, schedule.IntervalSeconds);
        Assert.Null(schedule.Cron);
    }

    [Theory]
    [InlineData("""{"interval": 0}""")]
    [InlineData("""{"interval": -5}""")]
    [InlineData("""{"interval": "-5"}""")]
    [InlineData("""{"interval": 1.5}""")]
    [InlineData("""{"interval": "soon"}""")]
    [InlineData("""{"interval": true}""")]
    [InlineData("""{"interval": 99999999999999999999999}""")]
    [InlineData("""{"interval": 60, "minutes": 1}""")]
    public void Interval_BadValue_ThrowsInvalidSchedule(string json)
    {
        var e = Assert.Throws<TimerGridException>(() => SchedulerApiTrigger.ToSchedule("interval", Params(json)));
        Assert.Equal(ErrorCodes.InvalidSchedule, e.Error);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"interval": null}""")]
    public void Interval_Missing_ThrowsMissingField(string json)
    {
        var e = Assert.Throws<TimerGridException>(() => SchedulerApiTrigger.ToSchedule("interval", Params(json)));
        Assert.Equal(ErrorCodes.MissingField, e.Error);
    }

    [Theory]
    [InlineData("date")]
    [InlineData("Cron")]
    [InlineData("")]
    public void Trigger_Unknown_ThrowsInvalidSchedule(string trigger)
    {
        var e = Assert.Throws<TimerGridException>(() => SchedulerApiTrigger.ToSchedule(trigger, Params("""{"interval": 60}""")));
        Assert.Equal(ErrorCodes.InvalidSchedule, e.Error);
    }
}
