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
    TimeProvider clock,
    ILogger<QueueItemGrain> logger) : Grain, IQueueItemGrain
{
    private TaskCompletionSource? _finished;
    private TaskCompletionSource? _enqueued;

    private string Id => this.GetPrimaryKeyString();

    private QueueItemState State => item.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => item.RecordExists ? ReconcileAsync() : Task.CompletedTask;

    public async Task EnqueueAsync(QueueItemSpec spec)
    {
        if (!item.RecordExists)
        {
            var now = Now();
            var queue = spec.Options;
            item.State = new QueueItemState
            {
                Db = spec.Db,
                Queue = spec.Queue,
                Params = spec.Params,
                OriginJob = spec.OriginJob,
                Priority = queue?.Priority ?? QueueLimits.DefaultPriority,
                ResultTtlSeconds = queue?.ResultTtlSeconds,
                JobTimeoutSeconds = queue?.JobTimeoutSeconds,
                CallbackUrl = queue?.CallbackUrl,
                AvailableAt = now,
                Arrival = QueueArrival.Next(),
                CreatedAt = now,
            };
            await item.WriteStateAsync();   // durable before it can be taken
        }
        await ReconcileAsync();
        _enqueued?.TrySetResult();
    }

    public async Task<bool> WaitEnqueuedAsync(TimeSpan wait)
    {
        if (!item.RecordExists)
        {
            _enqueued ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                await _enqueued.Task.WaitAsync(wait < QueueLimits.MaxWaitPerCall ? wait : QueueLimits.MaxWaitPerCall, clock);
            }
            catch (TimeoutException)
            {
                // not fired yet
            }
        }
        return item.RecordExists;
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
        await item.WriteStateAsync();   // durable before the worker has it: after a crash it comes back only when this runs out
        ArmTimer();
        return View();
    }

    public async Task<QueueItemView?> FinishAsync(QueueItemStatus status, string? result)
    {
        if (!item.RecordExists)
        {
            return null;
        }
        if (State.Finished)
        {
            throw new TimerGridException(ErrorCodes.QueueJobFinished,
                $"job '{Id}' is {QueueItemJson.StatusName(State.Status)}{(State.Status == QueueItemStatus.Cancelled ? ": it was deleted" : " already")}; the update is refused");
        }
        State.Result = result;
        await EndAsync(status, error: null);
        return View();
    }

    public async Task<QueueItemView?> DeleteAsync()
    {
        if (!item.RecordExists)
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

    private QueueItemView? View() => item.RecordExists ? State.ToView(Id) : null;

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
