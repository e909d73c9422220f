namespace TimerGrid.Gateway.Scheduler;

/// <summary>seed 003's audit log in a range: <c>{"logs": [...]}</c>.</summary>
internal sealed record SchedulerApiLogList(IReadOnlyList<SchedulerApiLog> Logs);
