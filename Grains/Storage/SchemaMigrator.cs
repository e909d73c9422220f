using System.Data.Common;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Applies the dialect's embedded scripts (Storage/Scripts/{dialect}/NNNN_name.sql) in order, each once,
/// under the dialect's schema lock, before any Orleans provider reads its queries.
/// </summary>
internal sealed partial class SchemaMigrator(IStorageDialect dialect, ILogger<SchemaMigrator> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private const string ScriptsPrefix = "TimerGrid.Grains.Storage.Scripts.";

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaMigrator), ServiceLifecycleStage.First, MigrateAsync);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await dialect.BeginMigrationAsync(connection, cancellationToken);
        await ExecuteAsync(transaction, "CREATE TABLE IF NOT EXISTS tg_schema_migrations (name VARCHAR(200) NOT NULL PRIMARY KEY)", cancellationToken);
        foreach (var (name, sql) in Scripts(dialect.Name))
        {
            if (await IsAppliedAsync(transaction, name, cancellationToken))
            {
                continue;
            }
            await ExecuteAsync(transaction, sql, cancellationToken);
            await ExecuteAsync(transaction, "INSERT INTO tg_schema_migrations (name) VALUES (@name)", cancellationToken, name);
            LogApplied(dialect.Name, name);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The dialect's scripts, ordered by their number.</summary>
    public static IEnumerable<(string Name, string Sql)> Scripts(string dialectName)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{ScriptsPrefix}{dialectName}.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (resource[prefix.Length..], reader.ReadToEnd());
        }
    }

    private static async Task<bool> IsAppliedAsync(DbTransaction transaction, string name, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, "SELECT COUNT(*) FROM tg_schema_migrations WHERE name = @name", name);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    private static async Task ExecuteAsync(DbTransaction transaction, string sql, CancellationToken cancellationToken, string? name = null)
    {
        await using var command = Command(transaction, sql, name);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbTransaction transaction, string sql, string? name)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        // No command timeout (Npgsql's is 30 s): a backfill over every job took 11 s at a million jobs, and a script
        // waits for the writes of silos of the older version; a start that gave up would give up at every restart.
        command.CommandTimeout = 0;
        if (name is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@name";
            parameter.Value = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Dialect} schema script {Script}")]
    private partial void LogApplied(string dialect, string script);
}
