namespace TimerGrid.Grains.Records;

/// <summary>The OrleansQuery keys of the record side's queries (Storage/Scripts/*/0007_timergrid_records.sql, 0014_timergrid_failed_executions.sql).</summary>
internal static class RecordQueryKeys
{
    public const string UpsertExecution = "TimerGridUpsertExecutionKey";
    public const string InsertAudit = "TimerGridInsertAuditKey";
    public const string ExecutionsOfDb = "TimerGridExecutionsOfDbKey";
    public const string ExecutionsOfCollection = "TimerGridExecutionsOfCollectionKey";
    public const string ExecutionsOfJob = "TimerGridExecutionsOfJobKey";
    public const string FailedExecutions = "TimerGridFailedExecutionsKey";
    public const string Execution = "TimerGridExecutionKey";
    public const string Audit = "TimerGridAuditKey";
    public const string DeleteOldExecutions = "TimerGridDeleteOldExecutionsKey";
    public const string DeleteOldAudit = "TimerGridDeleteOldAuditKey";
}
