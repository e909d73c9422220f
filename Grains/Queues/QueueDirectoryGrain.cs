using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Queues;

namespace TimerGrid.Grains.Queues;

/// <summary>
/// The queues of one db: the best entry of every shard that holds work, and the workers waiting for some. A take
/// goes straight to the shard whose best entry comes first (lower priority, then earlier), so empty shards are never
/// asked, and the takes asking one shard at once go to it in one call, a batch. A waiting worker holds no thread and no
/// turn: it awaits a signal, and each arrival in a matching queue signals one waiter. Reentrant, so waits and takes
/// interleave; kept alive, as its map is memory only (shards report to it again as jobs come back after a restart).
/// </summary>
[GrainType("queuedirectory"), Reentrant, KeepAlive]
internal sealed class QueueDirectoryGrain(TimeProvider clock) : Grain, IQueueDirectoryGrain
{
    private readonly Dictionary<string, (QueueEntry? Head, long Version)> _shards = [];
    private readonly LinkedList<Waiter> _waiters = [];
    private readonly Dictionary<string, ShardTakes> _takes = [];
    private bool _stopping;

    public async Task<QueueItemView?> TakeAsync(string[] queues, TimeSpan? visibility, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + (wait < QueueLimits.MaxWaitPerCall ? wait : QueueLimits.MaxWaitPerCall);
        while (!_stopping && !cancellationToken.IsCancellationRequested)
        {
            if (Best(queues) is { } shard)
            {
                if (await TakeFromAsync(shard, visibility) is { } item)
                {
                    return item;
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

    /// <summary>
    /// A take from the shard, in the next batch for it: one shard call at a time per shard, for every take that asked
    /// meanwhile with the same visibility. Null when the shard ran out before this take's turn.
    /// </summary>
    private Task<QueueItemView?> TakeFromAsync(string shard, TimeSpan? visibility)
    {
        if (!_takes.TryGetValue(shard, out var takes))
        {
            _takes[shard] = takes = new ShardTakes();
        }
        var take = new TaskCompletionSource<QueueItemView?>(TaskCreationOptions.RunContinuationsAsynchronously);
        takes.Waiting.Add((visibility, take));
        if (!takes.Running)
        {
            takes.Running = true;
            _ = RunTakesAsync(shard, takes);   // in this activation's turn order: the grain is reentrant
        }
        return take.Task;
    }

    private async Task RunTakesAsync(string shard, ShardTakes takes)
    {
        while (takes.Waiting.Count > 0)
        {
            var visibility = takes.Waiting[0].Visibility;
            var batch = takes.Waiting.FindAll(t => t.Visibility == visibility);
            takes.Waiting.RemoveAll(t => t.Visibility == visibility);
            try
            {
                var taken = await GrainFactory.GetGrain<IQueueShardGrain>(shard).TakeAsync(batch.Count, visibility);
                Update(shard, taken.Head, taken.Version);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Take.TrySetResult(i < taken.Items.Length ? taken.Items[i] : null);
                }
            }
            catch (Exception e)
            {
                batch.ForEach(t => t.Take.TrySetException(e));
            }
        }
        takes.Running = false;
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

    /// <summary>The takes asking one shard: those waiting for the next batch, and whether a batch is out.</summary>
    private sealed class ShardTakes
    {
        public List<(TimeSpan? Visibility, TaskCompletionSource<QueueItemView?> Take)> Waiting { get; } = [];

        public bool Running { get; set; }
    }
}
