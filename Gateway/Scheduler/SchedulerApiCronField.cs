namespace TimerGrid.Gateway.Scheduler;

/// <summary>One field of APScheduler's cron trigger: its range, the value it takes when left out after a given field, and its names.</summary>
internal sealed record SchedulerApiCronField(string Name, int Min, int Max, string Default, string[] Names)
{
    public static readonly SchedulerApiCronField Month = new("month", 1, 12, "1",
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]);
    public static readonly SchedulerApiCronField Day = new("day", 1, 31, "1", []);
    /// <summary>APScheduler's numbering: 0 = Monday … 6 = Sunday; left out, it is always every day.</summary>
    public static readonly SchedulerApiCronField DayOfWeek = new("day_of_week", 0, 6, "*", ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    public static readonly SchedulerApiCronField Hour = new("hour", 0, 23, "0", []);
    public static readonly SchedulerApiCronField Minute = new("minute", 0, 59, "0", []);
    /// <summary>Not in the document, but APScheduler takes it; given, the expression gets Cronos' sixth (leading) field.</summary>
    public static readonly SchedulerApiCronField Second = new("second", 0, 59, "0", []);

    /// <summary>APScheduler's order, most significant first: the rule for fields left out depends on it.</summary>
    public static readonly SchedulerApiCronField[] All = [Month, Day, DayOfWeek, Hour, Minute, Second];

    /// <summary>A number or, where the field has names, a name (case-insensitive); null when it is neither.</summary>
    public int? ValueOf(string token)
    {
        if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        var index = Array.IndexOf(Names, token.ToLowerInvariant());
        return index < 0 ? null : Min + index;
    }
}
