namespace TimerGrid.Grains.Jobs;

internal sealed partial class JobGrain
{
    /// <summary>Every log line written during a delivery attempt (the webhook client's too) carries the job's key.</summary>
    private static readonly Func<ILogger, string, IDisposable?> JobScope = LoggerMessage.DefineScope<string>("Job {JobKey}");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivered {JobKey} on attempt {Attempt}, fired {LateMs} ms after its trigger time")]
    private partial void LogDelivered(string jobKey, int attempt, long lateMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobKey} failed for good after {Attempt} attempts: {Error}")]
    private partial void LogFailed(string jobKey, int attempt, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not remove the reminder of {JobKey}; the next tick will: {Error}")]
    private partial void LogReminderCleanupFailed(string jobKey, string error);
}
