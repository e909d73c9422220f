using TimerGrid.Grains.Background;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Copies the WAL into the database file in the background. SQLite would otherwise do it inside
/// whichever commit crosses 1000 pages, and that commit, with every writer queued behind it, would
/// wait for the checkpoint's fsync. A PASSIVE pass each second does the copying without blocking
/// anyone; under steady writes it never catches up completely, so once the WAL passes 64 MiB a RESTART
/// pass, holding the write gate, lets the next writer start the WAL over (else it grows without bound).
/// A pass that fails (a full disk) is logged once per run of failures and the next second tries again.
/// </summary>
internal sealed partial class SqliteCheckpointer : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const long RestartAboveBytes = 64L * 1024 * 1024;
    private const int RestartWaitMs = 100;
    private readonly SqliteDataSource _dataSource;
    private readonly FileInfo _wal;
    private readonly ILogger<SqliteCheckpointer> _logger;
    private readonly PeriodicLoop _loop;
    private bool _failing;

    public SqliteCheckpointer(SqliteDataSource dataSource, string databasePath, ILogger<SqliteCheckpointer> logger)
    {
        _dataSource = dataSource;
        _wal = new FileInfo(databasePath + "-wal");
        _logger = logger;
        _loop = new PeriodicLoop(TimeProvider.System, Interval, Interval, CheckpointAsync, Failed);
        _ = _loop.StartAsync(CancellationToken.None);
    }

    private async Task CheckpointAsync(CancellationToken stopping)
    {
        _wal.Refresh();
        if (_wal.Exists && _wal.Length > RestartAboveBytes)
        {
            await _dataSource.WhileWritersWaitAsync(() => RestartAsync(stopping), stopping);
        }
        else
        {
            await PassiveAsync(stopping);
        }
        if (_failing)
        {
            _failing = false;
            LogRecovered();
        }
    }

    private async Task PassiveAsync(CancellationToken stopping)
    {
        await using var command = _dataSource.CreateCommand("PRAGMA wal_checkpoint(PASSIVE)");
        await command.ExecuteNonQueryAsync(stopping);
    }

    /// <summary>
    /// A RESTART waits in SQLite's busy handler until no reader is left on the old frames, and it holds the write gate
    /// meanwhile: with the node's 10 s busy timeout, a reader that keeps its snapshot (a backup copying the database)
    /// would stop every writer for 10 s at every pass. It waits 100 ms; the next pass tries again.
    /// </summary>
    private async Task RestartAsync(CancellationToken stopping)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(stopping);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout={RestartWaitMs}";
        await command.ExecuteNonQueryAsync(stopping);
        try
        {
            command.CommandText = "PRAGMA wal_checkpoint(RESTART)";
            await command.ExecuteNonQueryAsync(stopping);
        }
        finally
        {
            command.CommandText = $"PRAGMA busy_timeout={SqliteDataSource.BusyTimeoutMs}";   // the connection goes back to the pool
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private void Failed(Exception error)
    {
        if (!_failing)
        {
            _failing = true;
            LogFailed(error);
        }
    }

    public async ValueTask DisposeAsync() => await _loop.StopAsync(CancellationToken.None);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoints fail; the WAL grows until one succeeds (tried every second)")]
    private partial void LogFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "WAL checkpoints succeed again")]
    private partial void LogRecovered();
}
