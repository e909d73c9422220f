using System.Globalization;

namespace TimerGrid.Grains.Interfaces.Records;

/// <summary>
/// The paging cursor of a <see cref="RecordQuery"/>: made from the last entry of a page, it asks for the entries after it.
/// Treat it as opaque; it stays valid while the entry it was made from is retained.
/// </summary>
public static class RecordCursor
{
    /// <summary>The cursor for the page after this execution.</summary>
    public static string After(ExecutionView last) => Format(last.ScheduledTime, last.ExecutionId);

    /// <summary>The cursor for the page after this audit entry.</summary>
    public static string After(AuditEntry last) => Format(last.CreatedTime, last.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads a cursor made by <see cref="After(ExecutionView)"/> or <see cref="After(AuditEntry)"/>.</summary>
    public static bool TryParse(string cursor, out long time, out string id)
    {
        var colon = cursor.IndexOf(':');
        id = colon < 0 ? "" : cursor[(colon + 1)..];
        time = 0;
        return colon > 0 && id.Length > 0 && long.TryParse(cursor.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out time);
    }

    private static string Format(long time, string id) => string.Create(CultureInfo.InvariantCulture, $"{time}:{id}");
}
