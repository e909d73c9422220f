namespace TimerGrid.Grains.Records;

internal sealed partial class RecordWriter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} records failed (attempt {Attempt}); retrying in {DelayMs} ms")]
    private partial void LogWriteFailed(Exception exception, int count, int attempt, long delayMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrote {Count} records on attempt {Attempt}, storage is back")]
    private partial void LogRecovered(int count, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped {ExecutionCount} execution updates and {AuditCount} audit entries: more than {MaxBuffered} records waited for storage")]
    private partial void LogDropped(long executionCount, long auditCount, int maxBuffered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped with {Count} records not written")]
    private partial void LogStoppedUnflushed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Record for {RecordKey} written after the writer stopped; dropped")]
    private partial void LogWrittenAfterStop(string recordKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "Malformed {Kind} for {RecordKey} (a key part is missing); dropped")]
    private partial void LogMalformed(string kind, string recordKey);
}
