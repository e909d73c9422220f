using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Grains.Records;

/// <summary>
/// Appends executions and audit entries off the firing hot path: <see cref="Write(ExecutionView)"/> only buffers,
/// and one loop writes whatever accumulated while the previous batch committed, in one transaction. On a storage
/// error it keeps the batch and retries with backoff; if storage stays away the buffer stops at
/// <see cref="RecordOptions.MaxBuffered"/>, dropping its oldest records. After a crash an execution may miss its
/// last states, never gain invented ones.
/// </summary>
internal sealed partial class RecordWriter : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    private readonly RecordStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger<RecordWriter> _logger;
    private readonly RecordOptions _options;
    private readonly Channel<RecordItem> _buffer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<TaskCompletionSource> _droppedFlushes = new();
    private Task _loop = Task.CompletedTask;
    private long _droppedExecutions;
    private long _droppedAudit;

    public RecordWriter(RecordStore store, IOptions<RecordOptions> options, TimeProvider clock, ILogger<RecordWriter> logger)
    {
        (_store, _clock, _logger, _options) = (store, clock, logger, options.Value);
        _buffer = Channel.CreateBounded<RecordItem>(
            new BoundedChannelOptions(_options.MaxBuffered) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            Dropped);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RecordWriter), ServiceLifecycleStage.RuntimeStorageServices, StartAsync, StopAsync);

    /// <summary>Buffers an upsert of the execution (by its id). Never blocks, never throws.</summary>
    public void Write(ExecutionView execution)
    {
        if (!_options.RecordExecutions)
        {
            return;
        }
        if (execution.ExecutionId is null || !IsComplete(execution.Job))
        {
            LogMalformed("execution", execution.ExecutionId ?? "?");
            return;
        }
        Enqueue(new RecordItem(execution, null, null));
    }

    /// <summary>Buffers an audit entry; storage assigns its id. Never blocks, never throws.</summary>
    public void Write(AuditEntry entry)
    {
        if (entry.User is null || entry.Description is null || !IsComplete(entry.Job))
        {
            LogMalformed("audit entry", entry.Job.ToString());
            return;
        }
        Enqueue(new RecordItem(null, entry, null));
    }

    /// <summary>Completes once everything written before the call is committed; canceled if the silo stops first.</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _buffer.Writer.TryWrite(new RecordItem(null, null, flushed)) ? flushed.Task : Task.CompletedTask;
    }

    /// <summary>
    /// Waits at most <paramref name="atMost"/> until everything written before the call is committed, so that an id
    /// just handed to a client can be read back at once; storage slower than that only delays its records.
    /// </summary>
    public async Task WaitCommittedAsync(TimeSpan atMost)
    {
        try
        {
            await FlushAsync().WaitAsync(atMost);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // answered without it: the record follows once storage takes it
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogStoppedUnflushed(_buffer.Reader.Count);
        }
        _buffer.Writer.TryComplete();
        await _stopping.CancelAsync();
        await _loop;
    }

    private static bool IsComplete(Interfaces.Jobs.JobKey job) => job.Db is not null && job.Collection is not null && job.Id is not null;

    private void Enqueue(RecordItem item)
    {
        if (!_buffer.Writer.TryWrite(item))
        {
            LogWrittenAfterStop(item.Execution?.ExecutionId ?? item.Audit!.Job.ToString());
        }
    }

    private void Dropped(RecordItem item)
    {
        if (item.Flushed is { } flushed)
        {
            // The oldest item was a flush: all it waits for is in the batch being written, or written.
            _droppedFlushes.Enqueue(flushed);
        }
        if (item.Execution is not null)
        {
            Interlocked.Increment(ref _droppedExecutions);
        }
        if (item.Audit is not null)
        {
            Interlocked.Increment(ref _droppedAudit);
        }
    }

    private async Task RunAsync()
    {
        var batch = new RecordBatch();
        try
        {
            while (await _buffer.Reader.WaitToReadAsync(_stopping.Token))
            {
                while (batch.Count < _options.BatchSize && _buffer.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                ReportDrops();
                if (batch.Count > 0)
                {
                    await WriteWithRetriesAsync(batch);
                }
                batch.Committed();
                while (_droppedFlushes.TryDequeue(out var flushed))
                {
                    flushed.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            while (_buffer.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            while (_droppedFlushes.TryDequeue(out var flushed))
            {
                flushed.TrySetCanceled();
            }
            batch.Abandoned();
        }
    }

    private async Task WriteWithRetriesAsync(RecordBatch batch)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _store.WriteAsync(batch.Executions, batch.Audit, _stopping.Token);
                if (attempt > 1)
                {
                    LogRecovered(batch.Count, attempt);
                }
                return;
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                LogWriteFailed(e, batch.Count, attempt, (long)delay.TotalMilliseconds);
            }
            await Task.Delay(delay, _clock, _stopping.Token);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            ReportDrops();
        }
    }

    private void ReportDrops()
    {
        var executions = Interlocked.Exchange(ref _droppedExecutions, 0);
        var audit = Interlocked.Exchange(ref _droppedAudit, 0);
        if (executions + audit > 0)
        {
            LogDropped(executions, audit, _options.MaxBuffered);
        }
    }
}
