using System.Globalization;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Grains.Interfaces.Records;

/// <summary>
/// The paging cursor of a listing (a <see cref="RecordQuery"/>, a job or route listing): made from the last entry of a
/// page, it asks for the entries after it. Treat it as opaque; a record's stays valid while the record is retained, a
/// job's or route's for good (the entries after its place in the order, whatever came and went).
/// </summary>
public static class RecordCursor
{
    /// <summary>The cursor for the page after this execution.</summary>
    public static string After(ExecutionView last) => Format(last.ScheduledTime, last.ExecutionId);

    /// <summary>The cursor for the page after this audit entry.</summary>
    public static string After(AuditEntry last) => Format(last.CreatedTime, last.Id.ToString(CultureInfo.InvariantCulture));

    /// <summary>The cursor for the page after this job of a job listing, ordered by next fire time (none: last), then id.</summary>
    public static string After(JobView last) => Format(last.NextFireTime ?? long.MaxValue, last.Key.Id);

    /// <summary>The cursor for the page after this route of a route listing, ordered by id.</summary>
    public static string After(RouteView last) => Format(0, last.Key.Id);

    /// <summary>Reads a cursor made by one of the <c>After</c> methods.</summary>
    public static bool TryParse(string cursor, out long time, out string id)
    {
        var colon = cursor.IndexOf(':');
        id = colon < 0 ? "" : cursor[(colon + 1)..];
        time = 0;
        return colon > 0 && id.Length > 0 && long.TryParse(cursor.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out time);
    }

    private static string Format(long time, string id) => string.Create(CultureInfo.InvariantCulture, $"{time}:{id}");
}
