using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// SQLite has one write lock per file, and Microsoft.Data.Sqlite runs "async" commands synchronously.
/// Colliding writers would sleep in SQLite's busy handler (1, 2, 5, 10 ms…) on the thread-pool threads
/// Orleans schedules grains on. A write of this process (outside an explicit transaction) instead joins
/// the group commit (<see cref="SqliteGroupCommit"/>), asynchronously, and sees its result once committed.
/// </summary>
internal sealed class GatedSqliteCommand(SqliteGroupCommit writes) : SqliteCommand
{
    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        IsGatedWrite
            ? (await writes.ExecuteAsync(CommandText, Parameters, cancellationToken)).Rows
            : await base.ExecuteDbDataReaderAsync(behavior, cancellationToken);

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        IsGatedWrite
            ? (await writes.ExecuteAsync(CommandText, Parameters, cancellationToken)).RecordsAffected
            : ExecuteNonQuery();

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        if (!IsGatedWrite)
        {
            return ExecuteScalar();
        }
        var rows = (await writes.ExecuteAsync(CommandText, Parameters, cancellationToken)).Rows;
        return rows.Read() ? rows.GetValue(0) : null;
    }

    // Reads never wait (WAL), nor do pragmas (checkpoints). A command inside an explicit transaction already holds SQLite's lock.
    private bool IsGatedWrite => Transaction is null && !StartsWith("SELECT") && !StartsWith("PRAGMA");

    private bool StartsWith(string keyword) => CommandText.AsSpan().TrimStart().StartsWith(keyword, StringComparison.OrdinalIgnoreCase);
}
