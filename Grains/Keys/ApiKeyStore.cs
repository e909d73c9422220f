using System.Data.Common;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Keys;
using TimerGrid.Grains.Records;

namespace TimerGrid.Grains.Keys;

/// <summary>The tg_api_keys table of this service (ClusterOptions.ServiceId); the SQL is the dialect's (<see cref="QueryTexts"/>).</summary>
internal sealed class ApiKeyStore(IStorageDialect dialect, QueryTexts queries, IOptions<ClusterOptions> cluster)
{
    public Task InsertAsync(StoredApiKey key, CancellationToken cancellationToken = default) =>
        ExecuteAsync(ApiKeyQueryKeys.Insert, c =>
        {
            c.Add("Id", key.View.Id);
            c.Add("Db", key.View.Db);
            c.Add("Role", ApiKeyRoles.Format(key.View.Role));
            c.Add("Name", key.View.Name);
            c.Add("KeyHash", key.Hash);
            c.Add("CreatedTime", key.View.CreatedTime);
        }, cancellationToken);

    public async Task<StoredApiKey?> ReadAsync(string id, CancellationToken cancellationToken = default) =>
        (await QueryAsync(ApiKeyQueryKeys.Key, c => c.Add("Id", id), cancellationToken)).SingleOrDefault();

    /// <summary>Every key, or those scoped to <paramref name="db"/>, oldest first.</summary>
    public Task<List<StoredApiKey>> ListAsync(string? db, CancellationToken cancellationToken = default) =>
        QueryAsync(ApiKeyQueryKeys.Keys, c => c.Add("Db", db), cancellationToken);

    /// <summary>Sets the key's revocation time unless it has one.</summary>
    public Task RevokeAsync(string id, long revokedTime, CancellationToken cancellationToken = default) =>
        ExecuteAsync(ApiKeyQueryKeys.Revoke, c =>
        {
            c.Add("Id", id);
            c.Add("RevokedTime", revokedTime);
        }, cancellationToken);

    private Task ExecuteAsync(string key, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        RunAsync(key, bind, async command => await command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    private Task<List<StoredApiKey>> QueryAsync(string key, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        RunAsync(key, bind, async command =>
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var keys = new List<StoredApiKey>();
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add(Row(reader));
            }
            return keys;
        }, cancellationToken);

    // Driver exceptions do not cross the wire intact, and their text is not for clients: answer the catalogue's 503.
    private async Task<T> RunAsync<T>(string key, Action<DbCommand> bind, Func<DbCommand, Task<T>> run, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = await queries.GetAsync(key, cancellationToken);
            command.Add("ServiceId", cluster.Value.ServiceId);
            bind(command);
            return await run(command);
        }
        catch (DbException)
        {
            throw new TimerGridException(ErrorCodes.StorageUnavailable, "storage did not answer; try again");
        }
    }

    /// <summary>In the column order of the queries' SELECT lists.</summary>
    private static StoredApiKey Row(DbDataReader row) => new(new ApiKeyView
    {
        Id = row.GetString(0),
        Db = row.GetString(1),
        Role = ApiKeyRoles.Parse(row.GetString(2)),
        Name = row.IsDBNull(3) ? null : row.GetString(3),
        CreatedTime = row.GetInt64(4),
        RevokedTime = row.IsDBNull(5) ? null : row.GetInt64(5),
    }, row.GetString(6));
}
