using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TimerGrid.Grains.Background;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// Deletes jobs that finished longer than <see cref="JobRetentionOptions.FinishedRetention"/> ago: each through its
/// grain, which checks its own state (a job run again since declines), then the row its grain cleared. Shortly after
/// start, then every <see cref="JobRetentionOptions.RetentionInterval"/>. Every silo runs it; a job expired by two
/// silos is expired once.
/// </summary>
internal sealed partial class FinishedJobRetention : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromSeconds(30);
    private const int Chunk = 1000;
    /// <summary>Grain calls at once: retention yields to firing.</summary>
    private const int Concurrency = 8;

    /// <summary>The OrleansQuery keys (Storage/Scripts/*/0019_timergrid_finished_jobs.sql).</summary>
    private const string FinishedJobsKey = "TimerGridFinishedJobsKey";
    private const string DeleteClearedJobKey = "TimerGridDeleteClearedJobKey";

    private readonly StoredQueries _queries;
    private readonly IStorageDialect _dialect;
    private readonly IGrainFactory _grains;
    private readonly IOptions<JobRetentionOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<FinishedJobRetention> _logger;
    private readonly PeriodicLoop _loop;

    public FinishedJobRetention(StoredQueries queries, IStorageDialect dialect, IGrainFactory grains, IOptions<JobRetentionOptions> options,
        TimeProvider clock, ILogger<FinishedJobRetention> logger)
    {
        (_queries, _dialect, _grains, _options, _clock, _logger) = (queries, dialect, grains, options, clock, logger);
        _loop = new PeriodicLoop(clock, FirstRunDelay, options.Value.RetentionInterval, DeleteExpiredAsync, LogFailed);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(FinishedJobRetention), ServiceLifecycleStage.Active, _loop.StartAsync, _loop.StopAsync);

    /// <summary>Deletes the finished jobs that have expired now, a chunk at a time; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var before = (_clock.GetUtcNow() - _options.Value.FinishedRetention).ToUnixTimeMilliseconds();
        var deleted = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var keys = await _queries.ReadAsync(FinishedJobsKey, c =>
            {
                c.Add("Before", before);
                c.Add("Limit", Chunk);
            }, row => row.GetString(0), cancellationToken);
            var expired = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                async (key, _) =>
                {
                    if (await _grains.GetGrain<IJobGrain>(key).ExpireAsync(before))
                    {
                        expired.Add(key);
                    }
                });
            if (expired.IsEmpty)
            {
                break;   // nothing due, or what is due declined (run again, or busy): the next round looks again, and this one wrote nothing
            }
            var sql = await _queries.TextAsync(DeleteClearedJobKey, cancellationToken);
            await _dialect.WriteInTransactionAsync((transaction, token) =>
                _queries.ExecuteEachAsync(transaction, sql, expired, (c, key) => c.Add("JobKey", key), token), cancellationToken);
            deleted += expired.Count;
            if (keys.Count < Chunk)
            {
                break;
            }
        }
        if (deleted > 0)
        {
            LogDeleted(deleted, before);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} jobs that finished before {BeforeMs}")]
    private partial void LogDeleted(int count, long beforeMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job retention failed; it runs again at its next interval")]
    private partial void LogFailed(Exception exception);
}
