using System.Globalization;
using TimerGrid.Grains.Interfaces.Errors;

namespace TimerGrid.Gateway.Native.Records;

/// <summary>The query string of a record listing: <c>from</c> (inclusive) and <c>to</c> (exclusive) in epoch ms, <c>limit</c>, <c>cursor</c>.</summary>
internal sealed record RecordRange(long From, long To, int Limit, string? Cursor)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RecordRange Parse(HttpRequest request)
    {
        var from = Integer(request, "from") ?? 0;
        var to = Integer(request, "to") ?? long.MaxValue;
        if (from >= to)
        {
            throw new TimerGridException(ErrorCodes.InvalidTimeRange, "from must be before to");
        }
        var limit = Integer(request, "limit") ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            throw new TimerGridException(ErrorCodes.InvalidTimeRange, $"limit must be from 1 to {MaxLimit}");
        }
        return new RecordRange(from, to, (int)limit, request.Query["cursor"].FirstOrDefault());
    }

    /// <summary>The cursor of the next page: null when this page was not full.</summary>
    public string? NextCursor<T>(IReadOnlyList<T> page, Func<T, string> after) => page.Count == Limit ? after(page[^1]) : null;

    private static long? Integer(HttpRequest request, string name) => request.Query[name].FirstOrDefault() switch
    {
        null or "" => null,
        var text when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw new TimerGridException(ErrorCodes.InvalidTimeRange, $"{name} must be a non-negative integer (epoch milliseconds for from and to)"),
    };
}
