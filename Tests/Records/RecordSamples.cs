using System.Globalization;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Tests.Records;

/// <summary>Executions and audit entries as a job grain would write them.</summary>
internal static class RecordSamples
{
    public static ExecutionView Execution(string job, long scheduledTime, int number, ExecutionState state = ExecutionState.Succeeded) => new()
    {
        ExecutionId = number.ToString("x32", CultureInfo.InvariantCulture),
        Job = JobKey.Parse(job),
        ScheduledTime = scheduledTime,
        FiredTime = scheduledTime + 3,
        FinishedTime = state is ExecutionState.Succeeded or ExecutionState.Failed ? scheduledTime + 40 : null,
        Attempt = 1,
        State = state,
        HttpStatus = 200,
        LatencyMs = 37,
        Result = "ok",
        UpdatedTime = scheduledTime + 40,
    };

    public static AuditEntry Audit(string job, long createdTime, AuditEvent auditEvent = AuditEvent.Added) => new()
    {
        CreatedTime = createdTime,
        Job = JobKey.Parse(job),
        JobName = "nightly report",
        Event = auditEvent,
        User = "anonymous",
        Description = $"{auditEvent} at {createdTime}",
    };

    /// <summary>Executions of one job, three to each scheduled time: paging must break ties by id.</summary>
    public static List<ExecutionView> Tied(string job, int count, int firstNumber = 0) =>
        Enumerable.Range(firstNumber, count).Select(n => Execution(job, 1_000 + n / 3 * 10, n)).ToList();

    /// <summary>The order every listing promises: newest scheduled time first, ties by id descending.</summary>
    public static IEnumerable<string> NewestFirst(IEnumerable<ExecutionView> executions) =>
        executions.OrderByDescending(e => e.ScheduledTime).ThenByDescending(e => e.ExecutionId, StringComparer.Ordinal).Select(e => e.ExecutionId);
}
