using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using TimerGrid.Gateway.Native.Paging;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Gateway.Ui;

/// <summary>
/// The query string of the dashboard's executions and audit pages as it was sent (the form shows it back, even when it
/// is wrong): <c>collection</c>, <c>failed=1</c>, <c>from</c>/<c>to</c> as a <c>datetime-local</c> input sends them
/// (<see cref="TimeFormat"/>, read as UTC) and <c>cursor</c>.
/// </summary>
public sealed record UiRecordFilter(string Db, string? Collection, string? Failed, string? From, string? To, string? Cursor)
{
    /// <summary>What <c>&lt;input type="datetime-local"&gt;</c> sends and shows; the dashboard means UTC.</summary>
    public const string TimeFormat = "yyyy-MM-ddTHH:mm";

    private static readonly string[] TimeFormats = [TimeFormat, "yyyy-MM-ddTHH:mm:ss"];   // a browser adds seconds when they are not zero

    public bool FailedOnly => Failed == "1";

    public static UiRecordFilter Read(string db, HttpRequest request) =>
        new(db, PagingQuery.Text(request, "collection"), PagingQuery.Text(request, "failed"), PagingQuery.Text(request, "from"),
            PagingQuery.Text(request, "to"), PagingQuery.Text(request, "cursor"));

    /// <summary>The record query of this filter; a time that is not one, or a range that is empty, is refused as the API's <c>from</c>/<c>to</c> are.</summary>
    public RecordQuery Query(int limit)
    {
        var from = Time(From, "from") ?? 0;
        var to = Time(To, "to") ?? long.MaxValue;
        if (from >= to)
        {
            throw new TimerGridException(ErrorCodes.InvalidTimeRange, "from must be before to");
        }
        if (Failed is not (null or "1"))
        {
            throw new TimerGridException(ErrorCodes.InvalidFilter, $"failed must be 1 or left out, not '{Failed}'");
        }
        return new() { Db = Db, Collection = Collection, From = from, To = to, Limit = limit, Cursor = Cursor, FailedOnly = FailedOnly };
    }

    /// <summary>This filter's page at <paramref name="path"/>, from <paramref name="cursor"/> (null: the first page).</summary>
    public string Link(string path, string? cursor) => QueryHelpers.AddQueryString(path, new Dictionary<string, string?>
    {
        ["collection"] = Collection, ["failed"] = Failed, ["from"] = From, ["to"] = To, ["cursor"] = cursor,
    }.Where(p => p.Value is not null));

    /// <summary>A time as the form shows it.</summary>
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static long? Time(string? text, string name) => text switch
    {
        null => null,
        _ when DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            => time.ToUnixTimeMilliseconds(),
        _ => throw new TimerGridException(ErrorCodes.InvalidTimeRange, $"{name} must be a UTC time as {TimeFormat}, not '{text}'"),
    };
}
