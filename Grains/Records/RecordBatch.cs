using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Grains.Records;

/// <summary>What one write transaction carries, and the flushes that wait for its commit.</summary>
internal sealed class RecordBatch
{
    private readonly Dictionary<string, ExecutionView> _executions = new(StringComparer.Ordinal);
    private readonly List<AuditEntry> _audit = [];
    private readonly List<TaskCompletionSource> _flushes = [];

    public int Count => _executions.Count + _audit.Count;

    public IReadOnlyCollection<ExecutionView> Executions => _executions.Values;

    public IReadOnlyCollection<AuditEntry> Audit => _audit;

    public void Add(RecordItem item)
    {
        if (item.Execution is { } execution)
        {
            // Several updates of one execution: the last wins, but keeps a fired time it lacks, as the upsert does.
            _executions[execution.ExecutionId] = _executions.TryGetValue(execution.ExecutionId, out var earlier) && execution.FiredTime is null
                ? execution with { FiredTime = earlier.FiredTime }
                : execution;
        }
        if (item.Audit is { } entry)
        {
            _audit.Add(entry);
        }
        if (item.Flushed is { } flushed)
        {
            _flushes.Add(flushed);
        }
    }

    /// <summary>The batch is committed: releases its flushes and starts over.</summary>
    public void Committed()
    {
        _flushes.ForEach(f => f.TrySetResult());
        Clear();
    }

    /// <summary>The batch will never be committed (the silo stopped first).</summary>
    public void Abandoned()
    {
        _flushes.ForEach(f => f.TrySetCanceled());
        Clear();
    }

    private void Clear()
    {
        _executions.Clear();
        _audit.Clear();
        _flushes.Clear();
    }
}
