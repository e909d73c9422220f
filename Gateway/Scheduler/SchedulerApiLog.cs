using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>An audit entry in seed 003's shape; a <c>custom_run</c>'s description is its execution id, which the web UI links.</summary>
internal sealed record SchedulerApiLog(string JobId, string JobName, string Event, string User, string CreatedTime, string Description)
{
    public static SchedulerApiLog From(AuditEntry entry) => new(
        entry.Job.Id, entry.JobName ?? "", EventOf(entry.Event), entry.User, SchedulerApiTime.Format(entry.CreatedTime), entry.Description);

    private static string EventOf(AuditEvent auditEvent) => auditEvent switch
    {
        AuditEvent.Added => "added",
        AuditEvent.Modified => "modified",
        AuditEvent.Deleted => "deleted",
        AuditEvent.Paused => "paused",
        AuditEvent.Resumed => "resumed",
        AuditEvent.CustomRun or AuditEvent.Replayed => "custom_run",   // seed 003 knows no replay: it is a run outside the schedule
        _ => throw new ArgumentOutOfRangeException(nameof(auditEvent), auditEvent, null),
    };
}
