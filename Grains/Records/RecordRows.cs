using System.Data.Common;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Grains.Records;

/// <summary>Rows in the column order of the record queries' SELECT lists.</summary>
internal static class RecordRows
{
    public static ExecutionView Execution(DbDataReader row) => new()
    {
        ExecutionId = row.GetString(0),
        Job = new JobKey(row.GetString(1), row.GetString(2), row.GetString(3)),
        ScheduledTime = row.GetInt64(4),
        FiredTime = NullableInt64(row, 5),
        FinishedTime = NullableInt64(row, 6),
        Attempt = row.GetInt32(7),
        State = StoredNames.Parse<ExecutionState>(row.GetString(8)),
        HttpStatus = row.IsDBNull(9) ? null : row.GetInt32(9),
        LatencyMs = NullableInt64(row, 10),
        Error = NullableString(row, 11),
        Result = NullableString(row, 12),
        UpdatedTime = row.GetInt64(13),
    };

    public static AuditEntry Audit(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        CreatedTime = row.GetInt64(1),
        Job = new JobKey(row.GetString(2), row.GetString(3), row.GetString(4)),
        JobName = NullableString(row, 5),
        Event = StoredNames.Parse<AuditEvent>(row.GetString(6)),
        User = row.GetString(7),
        Description = row.GetString(8),
    };

    private static long? NullableInt64(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetInt64(ordinal);

    private static string? NullableString(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
