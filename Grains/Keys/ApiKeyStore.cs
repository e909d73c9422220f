using System.Data.Common;
using TimerGrid.Grains.Interfaces.Keys;

namespace TimerGrid.Grains.Keys;

/// <summary>The tg_api_keys table of this service, through <see cref="StoredQueries"/>; a storage error answers the catalogue's 503.</summary>
internal sealed class ApiKeyStore(StoredQueries queries)
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
        StorageErrors.AnswerAsync(() => queries.ExecuteAsync(key, bind, cancellationToken));

    private Task<List<StoredApiKey>> QueryAsync(string key, Action<DbCommand> bind, CancellationToken cancellationToken) =>
        StorageErrors.AnswerAsync(() => queries.ReadAsync(key, bind, Row, cancellationToken));

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
