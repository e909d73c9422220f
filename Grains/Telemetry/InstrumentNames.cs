namespace TimerGrid.Grains.Telemetry;

/// <summary>
/// The names of TimerGrid's instruments. Prometheus shows them with dots as underscores, counters with <c>_total</c>
/// and seconds with <c>_seconds</c> (k8s/prometheus-rules.yaml uses them; a test keeps the two in step).
/// </summary>
internal static class InstrumentNames
{
    public const string JobsCreated = "timergrid.jobs.created";
    public const string JobsUpdated = "timergrid.jobs.updated";
    public const string JobsDeleted = "timergrid.jobs.deleted";
    public const string JobsExpired = "timergrid.jobs.expired";
    public const string JobsPending = "timergrid.jobs.pending";
    public const string JobsFailed = "timergrid.jobs.failed";
    public const string Fires = "timergrid.fires";
    public const string Retries = "timergrid.retries";
    public const string Deliveries = "timergrid.deliveries";
    public const string Throttled = "timergrid.deliveries.throttled";
    public const string DispatchesHeld = "timergrid.dispatches.held";
    public const string CircuitsOpened = "timergrid.circuits.opened";
    public const string CircuitsOpen = "timergrid.circuits.open";
    public const string DeadLettered = "timergrid.dead_lettered";
    public const string Lateness = "timergrid.lateness";
    public const string DeliveryDuration = "timergrid.delivery.duration";
    public const string CatchUpWoken = "timergrid.catch_up.woken";
    public const string CatchUpDuration = "timergrid.catch_up.duration";
    public const string ReminderRefreshDuration = "timergrid.reminders.refresh.duration";
}
