namespace TimerGrid.Gateway.Scheduler;

/// <summary>seed 003's answer to run now: <c>{"execution_id"}</c>.</summary>
internal sealed record SchedulerApiExecutionId(string ExecutionId);
