using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace TimerGrid.Tests.Storage;

/// <summary>
/// A command text's statements prepared once on a SQLite connection and run as the group commit runs them, so a
/// test can read SQLite's own count of how often each was prepared again behind our back.
/// </summary>
internal sealed class PreparedStatements : IDisposable
{
    private const int RepreparedStatus = 5;   // SQLITE_STMTSTATUS_REPREPARE

    private readonly List<sqlite3_stmt> _statements = [];
    private readonly sqlite3 _db;

    private PreparedStatements(sqlite3 db) => _db = db;

    public static PreparedStatements Of(SqliteConnection connection, string sql)
    {
        var prepared = new PreparedStatements(connection.Handle!);
        var rest = sql;
        while (!string.IsNullOrWhiteSpace(rest))
        {
            Check(prepared._db, raw.sqlite3_prepare_v2(prepared._db, rest, out var statement, out rest));
            if (!statement.IsInvalid)
            {
                prepared._statements.Add(statement);
            }
        }
        return prepared;
    }

    /// <summary>Writes job <c>d/c/j</c>'s state as Orleans' WriteToStorageKey does; returns the new version.</summary>
    public long WriteJobState(long? version, string json) => Run(new Dictionary<string, object?>
    {
        ["@ServiceId"] = "svc",
        ["@GrainTypeString"] = "job",
        ["@GrainIdExtensionString"] = "d/c/j",
        ["@GrainIdN0"] = 0L,
        ["@GrainIdN1"] = 0L,
        ["@GrainIdHash"] = 0L,
        ["@GrainTypeHash"] = 0L,
        ["@PayloadBinary"] = Encoding.UTF8.GetBytes(json),
        ["@GrainStateVersion"] = version,
    });

    /// <summary>Runs each statement once with these values bound (a name a statement lacks is left out); returns the first column of the last row read, or 0.</summary>
    public long Run(IReadOnlyDictionary<string, object?> values)
    {
        long last = 0;
        foreach (var statement in _statements)
        {
            foreach (var (name, value) in values)
            {
                Bind(statement, name, value);
            }
            int result;
            while ((result = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                last = raw.sqlite3_column_int64(statement, 0);
            }
            Check(_db, result == raw.SQLITE_DONE ? raw.SQLITE_OK : result);
            raw.sqlite3_reset(statement);
        }
        return last;
    }

    public IEnumerable<int> RepreparedCounts() => _statements.Select(s => raw.sqlite3_stmt_status(s, RepreparedStatus, 0));

    public void Dispose()
    {
        foreach (var statement in _statements)
        {
            statement.Dispose();
        }
    }

    private static void Bind(sqlite3_stmt statement, string name, object? value)
    {
        var index = raw.sqlite3_bind_parameter_index(statement, name);
        _ = index == 0 ? 0 : value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            _ => throw new ArgumentException($"cannot bind {value.GetType()}", nameof(value)),
        };
    }

    private static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
        }
    }
}
