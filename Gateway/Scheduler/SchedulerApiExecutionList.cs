namespace TimerGrid.Gateway.Scheduler;

/// <summary>seed 003's executions in a range: <c>{"executions": [...]}</c>.</summary>
internal sealed record SchedulerApiExecutionList(IReadOnlyList<SchedulerApiExecution> Executions);
