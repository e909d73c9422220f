using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// SQLite has one write lock per file, and Microsoft.Data.Sqlite runs "async" commands synchronously.
/// Colliding writers therefore sleep in SQLite's busy handler (1, 2, 5, 10 ms…) on the thread-pool
/// threads Orleans schedules grains on. Writers of this process instead wait their turn here,
/// asynchronously, and hold the turn only while their statement runs to completion.
/// </summary>
internal sealed class GatedSqliteCommand(SemaphoreSlim writeGate) : SqliteCommand
{
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        if (!IsGatedWrite)
        {
            return await base.ExecuteDbDataReaderAsync(behavior, cancellationToken);
        }
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            using var reader = ExecuteReader(behavior);
            return BufferedResultReader.Load(reader);
        }
        finally
        {
            writeGate.Release();
        }
    }

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => RunAsync(ExecuteNonQuery, cancellationToken);

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => RunAsync(ExecuteScalar, cancellationToken);

    private async Task<T> RunAsync<T>(Func<T> execute, CancellationToken cancellationToken)
    {
        if (!IsGatedWrite)
        {
            return execute();
        }
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            return execute();
        }
        finally
        {
            writeGate.Release();
        }
    }

    // Reads never wait (WAL), nor do pragmas (checkpoints). A command inside an explicit transaction already holds SQLite's lock.
    private bool IsGatedWrite => Transaction is null && !StartsWith("SELECT") && !StartsWith("PRAGMA");

    private bool StartsWith(string keyword) => CommandText.AsSpan().TrimStart().StartsWith(keyword, StringComparison.OrdinalIgnoreCase);
}
