using System.Data.Common;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Configuration;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Queues;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Interfaces.Validation;
using TimerGrid.Grains.Jobs;
using TimerGrid.Grains.Records;
using TimerGrid.Grains.Storage;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Queues;

/// <summary>
/// A seed-002 job due at once, without the timer path: the two grain state rows it is, written in one write of the group
/// commit (script 0016) — its native job, already delivered into its queue, and its queue job, each as its own grain
/// would store it — then the audit entry and the execution its firing would have recorded, through the record side.
/// </summary>
internal sealed class QueueSubmissions(StoredWrites writes, RecordWriter records, TimerGridInstruments instruments, IOptions<TimerGridOptions> options)
{
    /// <summary>The version (ETag) both rows have once written: script 0016 inserts them, and fails on a row already there.</summary>
    public const string WrittenVersion = "1";

    private const string QueryKey = "TimerGridQueueSubmitKey";
    private static readonly JsonGrainStateSerializer Serializer = new();

    /// <summary>The queue job as written; durable once this returns; refuses a recurring job.</summary>
    public async Task<QueueItemState> SubmitAsync(JobKey job, JobSpec spec, GrainId item, long now)
    {
        JobSpecRules.Validate(job, spec, options.Value.MaxMetaBytes);
        if (spec.Schedule is not null)
        {
            throw new TimerGridException(ErrorCodes.InvalidTrigger, "a job submitted to a queue is one-shot, due at once: it has no schedule");
        }
        var execution = ExecutionIds.New();
        var native = JobState.DeliveredOnCreate(spec, now, execution);
        var queued = QueueItemState.Create(new QueueItemSpec(job.Db, spec.Route, spec.Meta, spec.Queue, job.ToString()), now);
        await writes.WriteAsync(QueryKey, command =>
        {
            Bind(command, "Job", Jobs.StateNames.Job, GrainId.Create("job", job.ToString()), native);
            Bind(command, "Item", StateNames.QueueItem, item, queued);
        });
        Record(job, spec, execution, native.TriggerTime, item.Key.ToString()!, now);
        return queued;
    }

    private void Record(JobKey job, JobSpec spec, string execution, long scheduledTime, string itemId, long now)
    {
        instruments.JobCreated();
        instruments.AttemptStarted(1, now - scheduledTime);
        instruments.AttemptEnded(job.Db, spec.Route, DeliveryOutcomes.Delivered, null, 0);
        records.Write(new AuditEntry { CreatedTime = now, Job = job, Event = AuditEvent.Added, User = CallerContext.User, Description = JobDescriptions.Of(spec) });
        records.Write(new ExecutionView
        {
            ExecutionId = execution,
            Job = job,
            ScheduledTime = scheduledTime,
            FiredTime = now,
            FinishedTime = now,
            Attempt = 1,
            State = ExecutionState.Succeeded,
            LatencyMs = 0,
            Result = $"queued as {itemId}",
            UpdatedTime = now,
        });
    }

    private static void Bind<T>(DbCommand command, string row, string stateName, GrainId grain, T state)
    {
        var key = StoredGrainKey.Of(stateName, grain);
        command.Add($"{row}Type", stateName);
        command.Add($"{row}Key", key.Extension);
        command.Add($"{row}IdHash", key.IdHash);
        command.Add($"{row}TypeHash", key.TypeHash);
        command.Add($"{row}Payload", Serializer.Serialize(state).ToArray());
    }
}
