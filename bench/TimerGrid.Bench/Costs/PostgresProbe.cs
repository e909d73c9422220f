using Npgsql;
using TimerGrid.Bench.Node;
using TimerGrid.Bench.Targets;

namespace TimerGrid.Bench.Costs;

/// <summary>
/// Samples the PostgreSQL server a target's database lives on (<see cref="PostgresSample"/>), over a connection of its
/// own to the server's maintenance database, so that its reads count in none of the target's figures. The server's
/// CPU is read from /proc when it runs on this machine; statements are counted when <c>pg_stat_statements</c> is in
/// <c>shared_preload_libraries</c> (<c>bench/compare.sh</c> loads it), the probe creating the extension.
/// </summary>
internal sealed class PostgresProbe(NpgsqlConnection connection, string database, int? postmaster, bool statements) : IAsyncDisposable
{
    private const string CountersSql = """
        SELECT d.xact_commit + d.xact_rollback,
               d.tup_inserted + d.tup_updated + d.tup_deleted,
               pg_snapshot_xmax(pg_current_snapshot())::text::bigint,
               pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint
        FROM pg_stat_database d WHERE d.datname = $1
        """;

    private const string StatementsSql =
        "SELECT coalesce(sum(s.calls), 0)::bigint FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1";

    public static async Task<PostgresProbe> StartAsync(PostgresDatabase database)
    {
        var connection = new NpgsqlConnection(database.ServerConnectionString);
        await connection.OpenAsync();
        try
        {
            var backend = (int)(await ScalarAsync(connection, "SELECT pg_backend_pid()"))!;
            return new PostgresProbe(connection, database.Name, Postmaster(backend), await CountsStatementsAsync(connection));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task<PostgresSample> SampleAsync()
    {
        var cpu = postmaster is { } pid ? ProcessStats.TreeCpuSeconds(pid) : (double?)null;
        var (xacts, rows, nextXid, wal) = await CountersAsync();
        var calls = statements ? (long?)await ScalarAsync(connection, StatementsSql, database) : null;
        return new PostgresSample(cpu, xacts, nextXid, rows, wal, calls);
    }

    private async Task<(long Xacts, long Rows, long NextXid, long Wal)> CountersAsync()
    {
        await using var command = new NpgsqlCommand(CountersSql, connection) { Parameters = { new() { Value = database } } };
        await using var row = await command.ExecuteReaderAsync();
        return await row.ReadAsync()
            ? (row.GetInt64(0), row.GetInt64(1), row.GetInt64(2), row.GetInt64(3))
            : throw new InvalidOperationException($"pg_stat_database has no row for {database}");
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    /// <summary>The postmaster, the parent of <paramref name="backend"/>, when this machine's /proc shows both as PostgreSQL's.</summary>
    private static int? Postmaster(int backend)
    {
        try
        {
            return ProcessStats.ParentPid(backend) is { } parent && ProcessStats.Command(backend) == "postgres" && ProcessStats.Command(parent) == "postgres"
                ? parent
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static async Task<bool> CountsStatementsAsync(NpgsqlConnection connection)
    {
        var preloaded = (string)(await ScalarAsync(connection, "SELECT current_setting('shared_preload_libraries')"))!;
        if (!preloaded.Contains("pg_stat_statements", StringComparison.Ordinal))
        {
            return false;
        }
        try
        {
            await ScalarAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            return true;
        }
        catch (PostgresException e)
        {
            Console.Error.WriteLine($"   pg_stat_statements is loaded but its extension could not be created ({e.MessageText}): no statement counts");
            return false;
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, string? parameter = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (parameter is not null)
        {
            command.Parameters.Add(new() { Value = parameter });
        }
        return await command.ExecuteScalarAsync();
    }
}
