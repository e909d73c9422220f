namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>POST /job/{db}/{collection}/{id}/run: the execution that runs the job now.</summary>
internal sealed record RunNowResponse(string ExecutionId);
