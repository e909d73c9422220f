namespace TimerGrid.Grains.Storage;

/// <summary>
/// Copies the WAL into the database file in the background. SQLite would otherwise do it inside
/// whichever commit crosses 1000 pages, and that commit, with every writer queued behind it, would
/// wait for the checkpoint's fsync. A PASSIVE pass each second does the copying without blocking
/// anyone; under steady writes it never catches up completely, so once the WAL passes 64 MiB a RESTART
/// pass, holding the write gate, lets the next writer start the WAL over (else it grows without bound).
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const long RestartAboveBytes = 64L * 1024 * 1024;
    private readonly SqliteDataSource _dataSource;
    private readonly FileInfo _wal;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SqliteCheckpointer(SqliteDataSource dataSource, string databasePath)
    {
        _dataSource = dataSource;
        _wal = new FileInfo(databasePath + "-wal");
        _loop = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                _wal.Refresh();
                if (_wal.Exists && _wal.Length > RestartAboveBytes)
                {
                    await _dataSource.WhileWritersWaitAsync(() => CheckpointAsync("RESTART"), _stop.Token);
                }
                else
                {
                    await CheckpointAsync("PASSIVE");
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // disposed
        }
    }

    private async Task CheckpointAsync(string mode)
    {
        await using var command = _dataSource.CreateCommand($"PRAGMA wal_checkpoint({mode})");
        await command.ExecuteNonQueryAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
