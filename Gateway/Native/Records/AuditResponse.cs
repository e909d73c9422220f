using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Gateway.Native.Records;

/// <summary>One audit entry in the native API. Times are epoch ms.</summary>
internal sealed record AuditResponse(long Id, long CreatedTime, string Db, string Collection, string JobId, string? JobName, AuditEvent Event, string User, string Description)
{
    public static AuditResponse From(AuditEntry a) => new(a.Id, a.CreatedTime, a.Job.Db, a.Job.Collection, a.Job.Id, a.JobName, a.Event, a.User, a.Description);
}
