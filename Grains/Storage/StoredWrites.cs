using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// A write by query key that joins the silo's group commit in either dialect, for rows written outside a grain's own
/// state: on SQLite a statement outside a transaction joins <see cref="SqliteGroupCommit"/> (<see cref="GatedSqliteCommand"/>);
/// on PostgreSQL it goes through <see cref="PostgresStoredWrites"/>, so every statement of the text must return a result set.
/// </summary>
internal sealed class StoredWrites(IStorageDialect dialect, StoredQueries queries, IServiceProvider services)
{
    public async Task WriteAsync(string key, Action<DbCommand> bind, CancellationToken cancellationToken = default)
    {
        if (dialect is PostgresStorage)
        {
            await services.GetRequiredService<PostgresStoredWrites>().WriteAsync(key, bind, cancellationToken);
        }
        else
        {
            await queries.ExecuteAsync(key, bind, cancellationToken);
        }
    }
}
