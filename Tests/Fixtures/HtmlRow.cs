using System.Net;
using System.Text.RegularExpressions;

namespace TimerGrid.Tests.Fixtures;

/// <summary>The text of each cell of one table row of a server-rendered page, found by the row's id.</summary>
public static partial class HtmlRow
{
    /// <summary>The cells' decoded text, tags stripped; null when the page has no row with that id.</summary>
    public static IReadOnlyList<string>? Cells(string html, string rowId)
    {
        var row = Regex.Match(html, $"<tr id=\"{Regex.Escape(rowId)}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        return row.Success
            ? Cell().Matches(row.Groups[1].Value).Select(c => WebUtility.HtmlDecode(Tag().Replace(c.Groups[1].Value, "")).Trim()).ToList()
            : null;
    }

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();
}
