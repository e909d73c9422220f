namespace TimerGrid.Gateway.Scheduler;

/// <summary>seed 003's answer to a change of a job: <c>{"job_id"}</c>.</summary>
internal sealed record SchedulerApiJobId(string JobId);
