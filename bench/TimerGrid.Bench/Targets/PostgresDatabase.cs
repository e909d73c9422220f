using Npgsql;

namespace TimerGrid.Bench.Targets;

/// <summary>A fresh database on the bench's PostgreSQL server for one deployment; dropped at the end.</summary>
internal sealed class PostgresDatabase : IBenchStorage
{
    private readonly string _serverConnectionString;
    private readonly string _name;

    private PostgresDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public string Name => _name;

    /// <summary>The server's maintenance database, as the bench was given it.</summary>
    public string ServerConnectionString => _serverConnectionString;

    /// <param name="serverConnectionString">A role allowed to create databases, connected to any database.</param>
    public static async Task<PostgresDatabase> CreateAsync(string serverConnectionString, string target)
    {
        var database = new PostgresDatabase(serverConnectionString, $"bench_{target.Replace('-', '_')}_{DateTime.UtcNow:HHmmssfff}");
        await database.ExecuteAsync($"CREATE DATABASE {database._name}");
        return database;
    }

    public async Task<long> SizeBytesAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
