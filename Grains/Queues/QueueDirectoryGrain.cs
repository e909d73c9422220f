using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Queues;

namespace TimerGrid.Grains.Queues;

/// <summary>
/// The queues of one db: the best entry of every shard that holds work, and the workers waiting for some. A take
/// goes straight to the shard whose best entry comes first (lower priority, then earlier), so empty shards are never
/// asked. A waiting worker holds no thread and no turn: it awaits a signal that each arrival in a matching queue
/// gives to one waiter. Reentrant, so waits and takes interleave; kept alive, as its map is memory only (shards
/// report to it again as jobs come back after a restart).
/// </summary>
[GrainType("queuedirectory"), Reentrant, KeepAlive]
internal sealed class QueueDirectoryGrain(TimeProvider clock) : Grain, IQueueDirectoryGrain
{
    private readonly Dictionary<string, (QueueEntry? Head, long Version)> _shards = [];
    private readonly LinkedList<Waiter> _waiters = [];
    private bool _stopping;

    public async Task<QueueItemView?> TakeAsync(string[] queues, TimeSpan? visibility, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + (wait < QueueLimits.MaxWaitPerCall ? wait : QueueLimits.MaxWaitPerCall);
        while (!_stopping && !cancellationToken.IsCancellationRequested)
        {
            if (Best(queues) is { } shard)
            {
                var take = await GrainFactory.GetGrain<IQueueShardGrain>(shard).TakeAsync(visibility);
                Update(shard, take.Head, take.Version);
                if (take.Item is not null)
                {
                    return take.Item;
                }
                continue;
            }
            var remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }
            var waiter = _waiters.AddLast(new Waiter(queues, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
            try
            {
                await waiter.Value.Signal.Task.WaitAsync(remaining, clock, cancellationToken);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                // looks once more (unless cancelled), then answers nothing
            }
            finally
            {
                if (waiter.List is not null)
                {
                    _waiters.Remove(waiter);
                }
            }
        }
        return null;
    }

    public Task HeadChangedAsync(string shard, QueueEntry? head, long version, int arrived)
    {
        Update(shard, head, version);
        for (var woken = 0; woken < arrived && head is not null && FirstWaiterFor(head.Queue) is { } waiter; woken++)
        {
            _waiters.Remove(waiter);
            waiter.Value.Signal.TrySetResult();
        }
        return Task.CompletedTask;
    }

    /// <summary>A node shutting down answers its waiting workers (204) instead of dropping them.</summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stopping = true;
        foreach (var waiter in _waiters)
        {
            waiter.Signal.TrySetResult();
        }
        _waiters.Clear();
        return Task.CompletedTask;
    }

    private void Update(string shard, QueueEntry? head, long version)
    {
        if (!_shards.TryGetValue(shard, out var known) || version > known.Version)
        {
            _shards[shard] = (head, version);
        }
    }

    private string? Best(string[] queues)
    {
        string? best = null;
        QueueEntry? bestHead = null;
        foreach (var (shard, (head, _)) in _shards)
        {
            if (head is not null && (queues.Length == 0 || queues.Contains(head.Queue)) && head.CompareTo(bestHead) < 0)
            {
                (best, bestHead) = (shard, head);
            }
        }
        return best;
    }

    private LinkedListNode<Waiter>? FirstWaiterFor(string queue)
    {
        for (var node = _waiters.First; node is not null; node = node.Next)
        {
            if (node.Value.Queues.Length == 0 || node.Value.Queues.Contains(queue))
            {
                return node;
            }
        }
        return null;
    }

    private sealed record Waiter(string[] Queues, TaskCompletionSource Signal);
}
