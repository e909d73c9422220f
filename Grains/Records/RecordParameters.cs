using System.Data.Common;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Grains.Records;

/// <summary>The columns of each record, and of a page of them.</summary>
internal static class RecordParameters
{
    public static void AddExecution(this DbCommand command, ExecutionView execution)
    {
        command.Add("ExecutionId", execution.ExecutionId);
        command.AddJob(execution.Job.Db, execution.Job.Collection, execution.Job.Id);
        command.Add("ScheduledTime", execution.ScheduledTime);
        command.Add("FiredTime", execution.FiredTime);
        command.Add("FinishedTime", execution.FinishedTime);
        command.Add("Attempt", execution.Attempt);
        command.Add("State", StoredNames.Of(execution.State));
        command.Add("HttpStatus", execution.HttpStatus);
        command.Add("LatencyMs", execution.LatencyMs);
        command.Add("Error", execution.Error);
        command.Add("Result", execution.Result);
        command.Add("UpdatedTime", execution.UpdatedTime);
    }

    public static void AddAudit(this DbCommand command, AuditEntry entry)
    {
        command.Add("CreatedTime", entry.CreatedTime);
        command.AddJob(entry.Job.Db, entry.Job.Collection, entry.Job.Id);
        command.Add("JobName", entry.JobName);
        command.Add("Event", StoredNames.Of(entry.Event));
        command.Add("UserName", entry.User);
        command.Add("Description", entry.Description);
    }

    /// <summary>The filters, time range and page size of a record query; the caller adds BeforeId, typed for its table.</summary>
    public static void AddPage(this DbCommand command, RecordQuery query, int limit, long beforeTime)
    {
        command.AddJob(query.Db, query.Collection, query.JobId);
        command.Add("From", query.From);
        command.Add("To", query.To);
        command.Add("BeforeTime", beforeTime);
        command.Add("Limit", limit);
    }
}
