namespace TimerGrid.Gateway.Native.Records;

/// <summary>A page of a job's or a db's executions; <c>next_cursor</c> is null on the last page.</summary>
internal sealed record ExecutionPage(IEnumerable<ExecutionResponse> Executions, string? NextCursor);
