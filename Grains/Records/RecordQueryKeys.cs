namespace TimerGrid.Grains.Records;

/// <summary>The OrleansQuery keys of TimerGrid's own queries (Storage/Scripts/*/0007_timergrid_records.sql, 0008_timergrid_due_jobs.sql, 0011_timergrid_job_listing.sql, 0012_timergrid_queues.sql, 0013_timergrid_dashboard.sql, 0014_timergrid_failed_executions.sql).</summary>
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
    public const string CollectionJobs = "TimerGridCollectionJobsKey";
    public const string DueJobs = "TimerGridDueJobsKey";
    public const string JobPage = "TimerGridJobPageKey";
    public const string JobCount = "TimerGridJobCountKey";
    public const string JobCountInRange = "TimerGridJobCountInRangeKey";
    public const string JobByName = "TimerGridJobByNameKey";
    public const string CollectionCounts = "TimerGridCollectionCountsKey";
    public const string RoutePage = "TimerGridRoutePageKey";
    public const string RouteCount = "TimerGridRouteCountKey";
    public const string QueuedItems = "TimerGridQueuedItemsKey";
    public const string DueQueueItems = "TimerGridDueQueueItemsKey";
    public const string AllCollections = "TimerGridAllCollectionsKey";
    public const string StatusCounts = "TimerGridStatusCountsKey";
}
