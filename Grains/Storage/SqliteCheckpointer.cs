using System.Data.Common;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Copies the WAL into the database file every second, in the background. SQLite would otherwise do it
/// inside whichever commit crosses 1000 pages, and that commit, with every writer queued behind it,
/// would wait for the checkpoint's fsync.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SqliteCheckpointer(DbDataSource dataSource) => _loop = Task.Run(() => RunAsync(dataSource));

    private async Task RunAsync(DbDataSource dataSource)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await using var command = dataSource.CreateCommand("PRAGMA wal_checkpoint(PASSIVE)");
                await command.ExecuteNonQueryAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // disposed
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
