using Microsoft.Extensions.Options;
using TimerGrid.Grains.Background;

namespace TimerGrid.Grains.Records;

/// <summary>
/// Deletes executions and audit entries older than <see cref="RecordOptions.Retention"/>: shortly after start,
/// then every <see cref="RecordOptions.RetentionInterval"/>. Every silo runs it; deleting twice is harmless.
/// </summary>
internal sealed partial class RecordRetention : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromSeconds(30);
    private const int Chunk = 1000;

    private readonly RecordStore _store;
    private readonly IOptions<RecordOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<RecordRetention> _logger;
    private readonly PeriodicLoop _loop;

    public RecordRetention(RecordStore store, IOptions<RecordOptions> options, TimeProvider clock, ILogger<RecordRetention> logger)
    {
        (_store, _options, _clock, _logger) = (store, options, clock, logger);
        _loop = new PeriodicLoop(clock, FirstRunDelay, options.Value.RetentionInterval, DeleteExpiredAsync, LogFailed);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RecordRetention), ServiceLifecycleStage.Active, _loop.StartAsync, _loop.StopAsync);

    /// <summary>Deletes what has expired now; returns how many executions and audit entries.</summary>
    public async Task<(long Executions, long Audit)> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = (_clock.GetUtcNow() - _options.Value.Retention).ToUnixTimeMilliseconds();
        var deleted = await _store.DeleteOlderThanAsync(cutoff, Chunk, cancellationToken);
        if (deleted.Executions + deleted.Audit > 0)
        {
            LogDeleted(deleted.Executions, deleted.Audit, cutoff);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {ExecutionCount} executions and {AuditCount} audit entries older than {CutoffMs}")]
    private partial void LogDeleted(long executionCount, long auditCount, long cutoffMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention failed; it runs again at its next interval")]
    private partial void LogFailed(Exception exception);
}
