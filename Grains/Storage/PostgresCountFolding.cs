using TimerGrid.Grains.Background;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// On PostgreSQL each connection counts jobs in its own stripe of tg_job_counts (script 0015), so silos never wait for
/// each other's count rows; this folds the stripes of connections that are gone into one row per group, shortly after
/// start and then every few minutes, so a count stays a sum over few rows. Every silo runs it; folding twice is harmless.
/// </summary>
internal sealed partial class PostgresCountFolding : ILifecycleParticipant<ISiloLifecycle>
{
    public const string FoldQueryKey = "TimerGridFoldJobCountsKey";
    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private readonly IStorageDialect _dialect;
    private readonly StoredQueries _queries;
    private readonly ILogger<PostgresCountFolding> _logger;
    private readonly PeriodicLoop _loop;

    public PostgresCountFolding(IStorageDialect dialect, StoredQueries queries, TimeProvider clock, ILogger<PostgresCountFolding> logger)
    {
        (_dialect, _queries, _logger) = (dialect, queries, logger);
        _loop = new PeriodicLoop(clock, FirstRunDelay, Interval, FoldAsync, LogFailed);
    }

    public void Participate(ISiloLifecycle lifecycle)
    {
        if (_dialect is PostgresStorage)
        {
            lifecycle.Subscribe(nameof(PostgresCountFolding), ServiceLifecycleStage.Active, _loop.StartAsync, _loop.StopAsync);
        }
    }

    /// <summary>Folds now; returns how many stripe rows were folded into stripe 0.</summary>
    public async Task FoldAsync(CancellationToken cancellationToken) => await _queries.ExecuteAsync(FoldQueryKey, _ => { }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Folding the job count stripes failed; it runs again at its next interval")]
    private partial void LogFailed(Exception exception);
}
