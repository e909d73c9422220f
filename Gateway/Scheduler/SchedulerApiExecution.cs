using System.Text.Json.Serialization;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>An execution in seed 003's shape.</summary>
/// <param name="Hostname">Always "": an execution is a webhook delivery, not a process on a host.</param>
/// <param name="Pid">Always -1, what the document shows for an execution without a process.</param>
/// <param name="TaskId">Always "".</param>
internal sealed record SchedulerApiExecution(
    string ExecutionId, string State, string Hostname, int Pid, string TaskId, string Description, string Result,
    string ScheduledTime, string UpdatedTime,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SchedulerApiJob? Job)
{
    /// <param name="job">Null when the job is gone: ndscheduler then leaves <c>job</c> out, and its UI shows "Unknown Job".</param>
    public static SchedulerApiExecution From(ExecutionView execution, SchedulerApiJob? job) => new(
        execution.ExecutionId, StateOf(execution.State), "", -1, "", execution.Error ?? "", execution.Result ?? "",
        SchedulerApiTime.Format(execution.ScheduledTime), SchedulerApiTime.Format(execution.UpdatedTime), job);

    /// <summary>The five states the web UI knows and colours.</summary>
    private static string StateOf(ExecutionState state) => state switch
    {
        ExecutionState.Scheduled => "scheduled",
        ExecutionState.Running or ExecutionState.Retrying => "running",
        ExecutionState.Succeeded => "succeeded",
        ExecutionState.Failed => "failed",
        ExecutionState.Skipped => "scheduled error",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
