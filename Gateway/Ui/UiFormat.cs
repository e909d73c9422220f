namespace TimerGrid.Gateway.Ui;

/// <summary>How the dashboard writes times, percentiles and rates.</summary>
public static class UiFormat
{
    public const string None = "–";

    public static string Time(long? epochMs) =>
        epochMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff") + " UTC" : None;

    public static string Time(DateTime? utc) => utc is { } time ? time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss") + " UTC" : None;

    /// <summary>A lateness or latency percentile read from its bucket: "≤ 5 ms", or beyond the last bucket.</summary>
    public static string Percentile(long? upperBoundMs) => upperBoundMs switch
    {
        null => None,
        long.MaxValue => "> 60 s",
        >= 1000 and var ms => $"≤ {ms / 1000.0:0.#} s",
        var ms => $"≤ {ms} ms",
    };

    /// <summary>A share of 0 to 1 as a percentage: "99.5 %".</summary>
    public static string Share(double? share) =>
        share is { } value ? (value * 100).ToString(value is > 0.99 and < 1 ? "0.0#" : "0.#", System.Globalization.CultureInfo.InvariantCulture) + " %" : None;

    /// <summary>An enum value as the API writes it: <c>custom_run</c>.</summary>
    public static string Name(Enum value) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static string Rate(double perSecond) => perSecond.ToString(perSecond < 10 ? "0.##" : "0", System.Globalization.CultureInfo.InvariantCulture);
}
