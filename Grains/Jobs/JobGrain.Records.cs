using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Triggers;

namespace TimerGrid.Grains.Jobs;

/// <summary>What the job tells the record side: each firing as an execution, each client change as an audit entry.</summary>
internal sealed partial class JobGrain
{
    /// <summary>At most this many skipped occurrences are recorded one by one for one gap; the last names the rest.</summary>
    private const int MaxSkippedRecords = 20;

    /// <summary>An attempt's end: its outcome, status and latency; a finished execution also keeps the receiver's answer.</summary>
    private void RecordAttemptEnded(string executionId, long scheduledTime, long firedAt, int attempt, ExecutionState state, bool finished, DeliveryResult result, long latencyMs)
    {
        var summary = result.HttpStatus is { } status ? $"HTTP {status} in {latencyMs} ms" : result.Error;
        records.Write(Execution(executionId, scheduledTime, firedAt, attempt, state) with
        {
            FinishedTime = finished ? Now() : null,
            HttpStatus = result.HttpStatus,
            LatencyMs = latencyMs,
            Error = result.Error,
            Result = finished ? string.IsNullOrEmpty(result.ResponseBody) ? summary : result.ResponseBody : null,
        });
    }

    private void RecordExecution(string executionId, long scheduledTime, long? firedAt, int attempt, ExecutionState state) =>
        records.Write(Execution(executionId, scheduledTime, firedAt, attempt, state));

    /// <summary>Records the occurrences from <paramref name="first"/> through <paramref name="until"/> as skipped.</summary>
    private void RecordSkipped(ITrigger trigger, long first, long until, string reason)
    {
        var now = Now();
        var recorded = 0;
        for (long? occurrence = first; occurrence <= until; occurrence = trigger.NextAfter(occurrence.Value))
        {
            var more = ++recorded == MaxSkippedRecords && trigger.NextAfter(occurrence.Value) <= until;
            records.Write(Execution(ExecutionIds.New(), occurrence.Value, firedAt: null, attempt: 0, ExecutionState.Skipped) with
            {
                FinishedTime = now,
                Error = more ? $"{reason}; later occurrences until {DateTimeOffset.FromUnixTimeMilliseconds(until):O} too" : reason,
                Result = reason,
            });
            if (more)
            {
                return;
            }
        }
    }

    private ExecutionView Execution(string executionId, long scheduledTime, long? firedAt, int attempt, ExecutionState state) => new()
    {
        ExecutionId = executionId,
        Job = _key,
        ScheduledTime = scheduledTime,
        FiredTime = firedAt,
        Attempt = attempt,
        State = state,
        UpdatedTime = Now(),
    };

    private void Audit(AuditEvent auditEvent, string description, string? name = null) => records.Write(new AuditEntry
    {
        CreatedTime = Now(),
        Job = _key,
        JobName = name ?? (job.RecordExists ? job.State.Name : null),
        Event = auditEvent,
        User = CallerContext.User,
        Description = description,
    });

    /// <summary>What a replace or a patch changed, old value to new, for the audit log; null when nothing did.</summary>
    private static string? DescribeChange(JobSpec before, bool wasEnabled, JobSpec after, bool enabled)
    {
        var changes = new List<string>();
        if (wasEnabled != enabled)
        {
            changes.Add(enabled ? "enabled" : "disabled");
        }
        if (before.Name != after.Name)
        {
            changes.Add($"name '{before.Name}' => '{after.Name}'");
        }
        if (JobDescriptions.When(before) != JobDescriptions.When(after) || before.Schedule != after.Schedule)
        {
            changes.Add($"schedule {JobDescriptions.When(before)} => {JobDescriptions.When(after)}");
        }
        if (before.Route != after.Route)
        {
            changes.Add($"route '{before.Route}' => '{after.Route}'");
        }
        if (before.Meta != after.Meta)
        {
            changes.Add("meta changed");
        }
        if (before with { Meta = "", Name = null, Route = "", Schedule = null, TriggerTime = null, Enabled = null }
            != after with { Meta = "", Name = null, Route = "", Schedule = null, TriggerTime = null, Enabled = null })
        {
            changes.Add($"options misfire {after.Misfire}, allow_overlap {after.AllowOverlap}");
        }
        return changes.Count == 0 ? null : string.Join("; ", changes);
    }
}
