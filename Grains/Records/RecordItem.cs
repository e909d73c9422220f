using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Grains.Records;

/// <summary>One entry of <see cref="RecordWriter"/>'s buffer: a record to write, or a flush waiting for what came before it.</summary>
internal readonly record struct RecordItem(ExecutionView? Execution, AuditEntry? Audit, TaskCompletionSource? Flushed);
