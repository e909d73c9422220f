using System.Runtime.ExceptionServices;
using Orleans.Concurrency;
using Orleans.Serialization.Invocation;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// Deleting a job. A delivery runs in one grain turn (a timer callback that does not interleave), so a delete would
/// wait for it and the delivery would then retry or fire again before the job went. Instead a delete may
/// interleave with a delivery (<see cref="MayInterleave"/>): it records the request durably and the delivery, when it
/// ends, deletes the job instead of recording a retry or the next occurrence.
/// </summary>
[MayInterleave(nameof(MayInterleave))]
internal sealed partial class JobGrain
{
    /// <summary>
    /// True while an attempt waits for its receiver. Orleans evaluates <see cref="MayInterleave"/> and starts the method
    /// in one step on the activation's scheduler, so a delete that finds this true is the one interleaving.
    /// </summary>
    private bool _delivering;
    /// <summary>The write of a deletion request that came during this delivery; the failure, if it failed.</summary>
    private Task<Exception?>? _deletionRequest;

    /// <summary>
    /// Orleans asks this while a turn runs: only a delete may interleave, and a wake-up (the overdue sweep's, a reminder
    /// tick), which has nothing to do then; only with a delivery, which may wait long for its route's permit.
    /// </summary>
    public bool MayInterleave(IInvokable request) => _delivering && (request.GetInterfaceType(), request.GetMethod().Name) switch
    {
        (var type, nameof(IJobGrain.DeleteAsync) or nameof(IJobGrain.WakeAsync)) => type == typeof(IJobGrain),
        (var type, nameof(IRemindable.ReceiveReminder)) => type == typeof(IRemindable),
        _ => false,
    };

    public async Task<DeleteOutcome> DeleteAsync()
    {
        if (!job.RecordExists)
        {
            return DeleteOutcome.NotFound;
        }
        if (_delivering)
        {
            if (job.State.DeletingSince is null)
            {
                _deletionRequest = RequestDeletionAsync();
                _permitWait?.Cancel();   // a firing still waiting for its route's permit need not wait on
            }
            if (await _deletionRequest! is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }
            instruments.JobDeleted();
            return DeleteOutcome.Queued;
        }
        var name = job.State.Name;
        await RemoveAsync();
        instruments.JobDeleted();
        Audit(AuditEvent.Deleted, "deleted", name);
        return DeleteOutcome.Deleted;
    }

    public async Task<bool> ExpireAsync(long finishedBeforeMs)
    {
        if (!job.RecordExists || job.State.FinishedAt is not { } finishedAt || finishedAt >= finishedBeforeMs)
        {
            return false;
        }
        _hasReminder ??= false;   // not looked up: a reminder a finished job still held finds no job on its next tick and goes
        await RemoveAsync();
        instruments.JobExpired();
        return true;
    }

    /// <summary>Writes the request while the delivery waits for its answer; the delivery writes nothing until this ends.</summary>
    private async Task<Exception?> RequestDeletionAsync()
    {
        job.State.DeletingSince = Now();
        try
        {
            await SaveStateAsync();   // durable: after a crash the job's next activation deletes it
        }
        catch (Exception e)
        {
            job.State.DeletingSince = null;   // the client hears of the failure: nothing changed
            return e;
        }
        Audit(AuditEvent.Deleted, "queued for deletion: a delivery was in flight");
        return null;
    }

    private bool Deleting => job.State.DeletingSince is not null;

    /// <summary>Deletes the job if a delete was queued for it; true when it did.</summary>
    private async Task<bool> RemovedIfDeletingAsync()
    {
        if (!Deleting)
        {
            return false;
        }
        await RemoveAsync();
        return true;
    }

    /// <summary>The state first: a reminder left behind finds no job and removes itself.</summary>
    private async Task RemoveAsync()
    {
        DisarmTimer();
        await job.ClearStateAsync();
        EndUnsavedHold();
        await ForgetReminderAsync();
        this.DeactivateOnIdle();
    }
}
