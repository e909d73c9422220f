using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Queues;

namespace TimerGrid.Grains.Queues;

/// <summary>
/// One queue job. Its persisted state is the truth: queued, running until its visibility runs out, finished. Its
/// shard only indexes it, and a take is decided here, in the job's own turn, so two workers can never both get it.
/// Timers (QueueItemGrain.Timers.cs) re-enqueue, time out, call back and expire it.
/// </summary>
[GrainType("queueitem")]
internal sealed partial class QueueItemGrain(
    [PersistentState(StateNames.QueueItem, StorageNames.Default)] IPersistentState<QueueItemState> item,
    IOptions<QueueOptions> options,
    QueueCallbacks callbacks,
    QueueSubmissions submissions,
    TimeProvider clock,
    ILogger<QueueItemGrain> logger) : Grain, IQueueItemGrain
{
    private TaskCompletionSource? _finished;

    private string Id => this.GetPrimaryKeyString();

    private QueueItemState State => item.State;

    /// <summary>A queued job's entry is already in its shard (recovery puts it back after a restart): a take activates it, and adds nothing.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        item.RecordExists && State.Status != QueueItemStatus.Queued ? ReconcileAsync() : Task.CompletedTask;

    public async Task EnqueueAsync(QueueItemSpec spec)
    {
        if (!item.RecordExists)
        {
            item.State = QueueItemState.Create(spec, Now());
            await item.WriteStateAsync();   // durable before it can be taken
        }
        await ReconcileAsync();
    }

    public Task<QueueItemView?> GetAsync() => Task.FromResult(View());

    public async Task<QueueItemView?> WaitFinishedAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!item.RecordExists || State.Finished)
        {
            return View();
        }
        _finished ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _finished.Task.WaitAsync(wait < QueueLimits.MaxWaitPerCall ? wait : QueueLimits.MaxWaitPerCall, clock, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // answers the job as it is
        }
        return View();
    }

    public async Task<QueueItemView?> TakeAsync(TimeSpan? visibility)
    {
        if (!item.RecordExists || State.Status != QueueItemStatus.Queued)
        {
            return null;   // taken, finished or deleted since it was indexed
        }
        var now = Now();
        State.Status = QueueItemStatus.Running;
        State.Attempts++;
        State.FirstTakenAt ??= now;
        State.VisibleUntil = now + (long)(visibility ?? options.Value.DefaultVisibilityTimeout).TotalMilliseconds;
        try
        {
            await item.WriteStateAsync();   // durable before the worker has it: after a crash it comes back only when this runs out
        }
        catch
        {
            DeactivateOnIdle();   // memory says running, storage does not: the next call loads the row again
            throw;
        }
        ArmTimer();
        return View();
    }

    public async Task<QueueItemView?> FinishAsync(string db, QueueItemStatus status, string? result)
    {
        if (!ExistsIn(db))
        {
            return null;
        }
        if (State.Finished)
        {
            if (State.Status == status && status != QueueItemStatus.Cancelled && State.Result == result)
            {
                return View();   // a worker retrying after a lost answer
            }
            throw new TimerGridException(ErrorCodes.QueueJobFinished,
                $"job '{Id}' is {QueueItemJson.StatusName(State.Status)}{(State.Status == QueueItemStatus.Cancelled ? ": it was deleted" : " already")}; the update is refused");
        }
        State.Result = result;
        await EndAsync(status, error: null);
        return View();
    }

    public async Task<QueueItemView?> DeleteAsync(string db)
    {
        if (!ExistsIn(db))
        {
            return null;
        }
        if (State.Status == QueueItemStatus.Running)
        {
            // Kept as cancelled, so the worker that holds it hears so when it reports.
            await EndAsync(QueueItemStatus.Cancelled, "deleted while running");
            return View();
        }
        var deleted = View();
        await RemoveAsync();
        return deleted;
    }

    public Task WakeAsync() => item.RecordExists ? ReconcileAsync() : Task.CompletedTask;

    private async Task EndAsync(QueueItemStatus status, string? error)
    {
        State.Status = status;
        State.FinishedAt = Now();
        State.VisibleUntil = null;
        State.LastError = error;
        State.CallbackNextAt = status != QueueItemStatus.Cancelled && State.CallbackUrl is not null ? State.FinishedAt : null;
        await item.WriteStateAsync();
        _finished?.TrySetResult();
        _finished = null;
        LogFinished(Id, QueueItemJson.StatusName(status), error);
        await ReconcileAsync();
        if (_timer is null)
        {
            DeactivateOnIdle();   // nothing left to do: its memory goes, and a later call loads the row
        }
    }

    /// <summary>Deletes the job, and the seed-002 native job it came from (the same id): a client asked, or its result TTL ran out.</summary>
    private async Task RemoveAsync()
    {
        var origin = JobKey.Parse(State.OriginJob);
        await item.ClearStateAsync();
        DisarmTimer();
        _finished?.TrySetResult();
        if (origin.Id == Id)
        {
            await GrainFactory.GetGrain<IJobGrain>(origin.ToString()).DeleteAsync();
        }
        DeactivateOnIdle();
    }

    private bool ExistsIn(string db) => item.RecordExists && State.Db == db;

    private QueueItemView? View() => item.RecordExists ? State.ToView(Id) : null;

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
