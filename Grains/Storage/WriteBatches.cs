using System.Threading.Channels;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// The queue of a group commit: one loop takes every write that queued while the previous batch committed (up to
/// <c>maxBatch</c>) and hands them to <c>commit</c> together.
/// </summary>
internal sealed class WriteBatches<T> : IAsyncDisposable
{
    private readonly Channel<T> _queue = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public WriteBatches(int maxBatch, Func<List<T>, Task> commit) => _loop = Task.Run(() => RunAsync(maxBatch, commit));

    public void Add(T write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(WriteBatches<T>));
        }
    }

    /// <summary>Takes every write queued now, for the commit in progress to answer (only from within <c>commit</c>).</summary>
    public List<T> TakeQueued()
    {
        var queued = new List<T>();
        while (_queue.Reader.TryRead(out var write))
        {
            queued.Add(write);
        }
        return queued;
    }

    private async Task RunAsync(int maxBatch, Func<List<T>, Task> commit)
    {
        var batch = new List<T>(maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < maxBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }
            await commit(batch);
            batch.Clear();
        }
    }

    /// <summary>Commits what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }
}
