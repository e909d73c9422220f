using System.Data;
using System.Data.Common;
using System.Text;
using TimerGrid.Grains.Interfaces.Listing;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Listing;

namespace TimerGrid.Grains.Records;

/// <summary>Typed parameters (PostgreSQL must know a null's type) and the columns of each record.</summary>
internal static class RecordParameters
{
    public static void Add(this DbCommand command, string name, string? value) => command.Add(name, DbType.String, value is null ? null : Clean(value));

    public static void Add(this DbCommand command, string name, long? value) => command.Add(name, DbType.Int64, value);

    public static void Add(this DbCommand command, string name, int? value) => command.Add(name, DbType.Int32, value);

    public static void Add(this DbCommand command, string name, bool? value) => command.Add(name, DbType.Boolean, value);

    public static void AddExecution(this DbCommand command, ExecutionView execution)
    {
        command.Add("ExecutionId", execution.ExecutionId);
        command.AddJob(execution.Job.Db, execution.Job.Collection, execution.Job.Id);
        command.Add("ScheduledTime", execution.ScheduledTime);
        command.Add("FiredTime", execution.FiredTime);
        command.Add("FinishedTime", execution.FinishedTime);
        command.Add("Attempt", execution.Attempt);
        command.Add("State", RecordNames.Of(execution.State));
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
        command.Add("Event", RecordNames.Of(entry.Event));
        command.Add("UserName", entry.User);
        command.Add("Description", entry.Description);
    }

    public static void AddJob(this DbCommand command, string db, string? collection, string? jobId)
    {
        command.Add("Db", db);
        command.Add("Collection", collection);
        command.Add("JobId", jobId);
    }

    /// <summary>The filters and next-fire-time bounds of a job listing; the caller adds its keyset and page.</summary>
    public static void AddJobFilters(this DbCommand command, JobListQuery query, JobListRange range)
    {
        command.AddJob(query.Db, query.Collection, null);
        command.Add("Status", query.Status is { } status ? RecordNames.Of(status) : null);
        command.Add("Route", query.Route);
        command.Add("Name", query.Name);
        command.Add("Enabled", query.Enabled);
        command.Add("From", range.From);
        command.Add("Until", range.Until);
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

    private static void Add(this DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    // Response bodies and errors come from outside. PostgreSQL rejects NUL in text and no encoder takes a lone
    // surrogate (a body cut at MaxResultBytes can end in one); a row storage can never take would stall the writer.
    private static string Clean(string value)
    {
        if (!value.Any(c => c == '\0' || char.IsSurrogate(c)))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())   // an ill-formed surrogate comes out as U+FFFD
        {
            builder.Append(rune.Value == 0 ? Rune.ReplacementChar : rune);
        }
        return builder.ToString();
    }
}
