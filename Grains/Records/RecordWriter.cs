using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Grains.Records;

/// <summary>PLACEHOLDER until the records branch merges.</summary>
internal sealed class RecordWriter
{
    public void Write(ExecutionView execution) { }
    public void Write(AuditEntry entry) { }
}
