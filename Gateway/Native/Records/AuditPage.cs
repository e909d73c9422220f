namespace TimerGrid.Gateway.Native.Records;

/// <summary>A page of a db's audit log; <c>next_cursor</c> is null on the last page.</summary>
internal sealed record AuditPage(IEnumerable<AuditResponse> Entries, string? NextCursor);
