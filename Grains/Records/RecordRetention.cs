using Microsoft.Extensions.Options;

namespace TimerGrid.Grains.Records;

/// <summary>
/// Deletes executions and audit entries older than <see cref="RecordOptions.Retention"/>: shortly after start,
/// then every <see cref="RecordOptions.RetentionInterval"/>. Every silo runs it; deleting twice is harmless.
/// </summary>
internal sealed partial class RecordRetention(
    RecordStore store,
    IOptions<RecordOptions> options,
    TimeProvider clock,
    ILogger<RecordRetention> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromSeconds(30);
    private const int Chunk = 1000;

    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RecordRetention), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <summary>Deletes what has expired now; returns how many executions and audit entries.</summary>
    public async Task<(long Executions, long Audit)> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = (clock.GetUtcNow() - options.Value.Retention).ToUnixTimeMilliseconds();
        var deleted = await store.DeleteOlderThanAsync(cutoff, Chunk, cancellationToken);
        if (deleted.Executions + deleted.Audit > 0)
        {
            LogDeleted(deleted.Executions, deleted.Audit, cutoff);
        }
        return deleted;
    }

    private Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background, and not at once: start-up has more urgent work (catch-up firings).
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop;
    }

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(FirstRunDelay, clock, _stopping.Token);
            using var timer = new PeriodicTimer(options.Value.RetentionInterval, clock);
            do
            {
                try
                {
                    await DeleteExpiredAsync(_stopping.Token);
                }
                catch (Exception e) when (!_stopping.IsCancellationRequested)
                {
                    LogFailed(e);
                }
            }
            while (await timer.WaitForNextTickAsync(_stopping.Token));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // silo stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {ExecutionCount} executions and {AuditCount} audit entries older than {CutoffMs}")]
    private partial void LogDeleted(long executionCount, long auditCount, long cutoffMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention failed; it runs again at its next interval")]
    private partial void LogFailed(Exception exception);
}
