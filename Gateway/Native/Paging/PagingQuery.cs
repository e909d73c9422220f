using System.Globalization;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Listing;

namespace TimerGrid.Gateway.Native.Paging;

/// <summary>The paging part of a listing's query string: <c>page</c> (from 1) or <c>cursor</c>, and <c>pagesize</c> (seed 004).</summary>
internal static class PagingQuery
{
    public static PageRequest Parse(HttpRequest request) => new()
    {
        Page = Integer(request, "page"),
        PageSize = Integer(request, "pagesize") ?? PageRequest.DefaultPageSize,
        Cursor = Text(request, "cursor"),
    };

    /// <summary>The number of the page shown: null for a page reached by cursor.</summary>
    public static int? PageNumber(PageRequest paging) => paging.Cursor is null ? paging.Page ?? 1 : null;

    /// <summary>A parameter's value; absent or empty is null.</summary>
    public static string? Text(HttpRequest request, string name) => request.Query[name].FirstOrDefault() is { Length: > 0 } text ? text : null;

    /// <summary>A true-or-false filter; absent or empty is null, any other value is refused (E027).</summary>
    public static bool? Flag(HttpRequest request, string name) => Text(request, name) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var text => throw new TimerGridException(ErrorCodes.InvalidFilter, $"{name} must be true or false, not '{text}'"),
    };

    private static int? Integer(HttpRequest request, string name) => Text(request, name) switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) => value,
        var text => throw new TimerGridException(ErrorCodes.InvalidPaging, $"{name} must be an integer, not '{text}'"),
    };
}
