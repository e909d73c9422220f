namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>POST /job/{db}/{collection}/{id}/run and .../replay: the execution that delivers the job now.</summary>
internal sealed record RunNowResponse(string ExecutionId);
