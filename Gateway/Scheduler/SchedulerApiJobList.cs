namespace TimerGrid.Gateway.Scheduler;

/// <summary>seed 003's job list: <c>{"jobs": [...]}</c>.</summary>
internal sealed record SchedulerApiJobList(IReadOnlyList<SchedulerApiJobResponse> Jobs);
