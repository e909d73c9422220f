namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>A batch create's answer: one result per job, in the order of the request.</summary>
internal sealed record JobBatchResponse(IReadOnlyList<JobBatchResult> Results);
