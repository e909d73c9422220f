using TimerGrid.Grains.Interfaces.Queues;

namespace TimerGrid.Grains.Queues;

// What wakes a queue job: its shard entry while queued, a grain timer otherwise (visibility, job timeout, callback,
// expiry). The timer is lost with the activation; QueueRecovery's sweep of the state rows is the net.
internal sealed partial class QueueItemGrain
{
    /// <summary>A timer further out than this does not keep the activation; the sweep wakes the job when it is due.</summary>
    private static readonly TimeSpan KeepAliveHorizon = TimeSpan.FromMinutes(2);

    private IGrainTimer? _timer;

    private async Task ReconcileAsync()
    {
        if (State.Status == QueueItemStatus.Queued)
        {
            DisarmTimer();
            await GrainFactory.GetGrain<IQueueShardGrain>(QueueShards.KeyFor(State.Db, State.Queue, Id, options.Value.Shards)).AddAsync(State.Entry(Id));
        }
        else
        {
            ArmTimer();
        }
    }

    private void ArmTimer()
    {
        DisarmTimer();
        if (State.DueAt is not { } dueAt)
        {
            return;
        }
        var wait = TimeSpan.FromMilliseconds(Math.Clamp(dueAt - Now(), 0, (long)TimeSpan.FromDays(1).TotalMilliseconds));
        _timer = this.RegisterGrainTimer(OnDueAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan) { KeepAlive = wait <= KeepAliveHorizon });
    }

    private void DisarmTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private async Task OnDueAsync(CancellationToken cancellationToken)
    {
        DisarmTimer();
        if (!item.RecordExists)
        {
            return;
        }
        var now = Now();
        if (State.Status == QueueItemStatus.Running)
        {
            await OnRunningDueAsync(now);
        }
        else if (State.CallbackNextAt <= now)
        {
            await CallBackAsync();
        }
        else if (State.ExpiresAt <= now)
        {
            await RemoveAsync();
        }
        else
        {
            await ReconcileAsync();
        }
    }

    private async Task OnRunningDueAsync(long now)
    {
        if (State.JobDeadline <= now)
        {
            await EndAsync(QueueItemStatus.Failed, $"job timeout: not finished {State.JobTimeoutSeconds} s after it was first taken");
        }
        else if (State.VisibleUntil > now)
        {
            ArmTimer();   // woke early
        }
        else if (State.Attempts >= options.Value.MaxAttempts)
        {
            await EndAsync(QueueItemStatus.Failed, $"not finished within its visibility timeout in {State.Attempts} attempts");
        }
        else
        {
            // Back in the queue in its old place: an older job, first served within its priority.
            State.Status = QueueItemStatus.Queued;
            State.VisibleUntil = null;
            await item.WriteStateAsync();
            LogRequeued(Id, State.Attempts);
            await ReconcileAsync();
        }
    }
}
