using Microsoft.Data.Sqlite;

namespace TimerGrid.Tests.Fixtures;

/// <summary>Reads a node's SQLite file directly, to check what is really stored.</summary>
public static class SqliteFile
{
    public static async Task<List<object?[]>> QueryAsync(string path, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await DbRows.ReadAllAsync(command);
    }

    /// <summary>
    /// Holds a read transaction open on the file until disposed: SQLite cannot start the WAL over meanwhile, so every
    /// write appends to it and needs new space (as while a long read or a backup runs). It writes a row of its own first:
    /// a read that begins on a WAL already copied into the database reads the file alone and holds nothing.
    /// </summary>
    public static async Task<SqliteConnection> HoldReadAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS test_read_hold (at INTEGER); INSERT INTO test_read_hold VALUES (1); BEGIN; SELECT count(*) FROM test_read_hold;";
        await command.ExecuteNonQueryAsync();
        return connection;
    }
}
