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
}
