using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Gateway.Native.Records;

/// <summary>One execution in the native API. Times are epoch ms.</summary>
internal sealed record ExecutionResponse(
    string ExecutionId, string Db, string Collection, string JobId, long ScheduledTime, long? FiredTime, long? FinishedTime,
    int Attempt, ExecutionState State, int? HttpStatus, long? LatencyMs, string? Error, string? Result, long UpdatedTime)
{
    public static ExecutionResponse From(ExecutionView e) => new(e.ExecutionId, e.Job.Db, e.Job.Collection, e.Job.Id, e.ScheduledTime,
        e.FiredTime, e.FinishedTime, e.Attempt, e.State, e.HttpStatus, e.LatencyMs, e.Error, e.Result, e.UpdatedTime);
}
