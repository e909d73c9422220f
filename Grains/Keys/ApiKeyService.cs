using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Keys;
using TimerGrid.Grains.Interfaces.Records;
using TimerGrid.Grains.Interfaces.Validation;
using TimerGrid.Grains.Records;

namespace TimerGrid.Grains.Keys;

/// <summary>
/// Key changes and refusals, each with its audit entry: what the key grains do for the REST API and the silo's
/// <c>keys</c> command does against storage. An entry about a key names the key's id as its job id.
/// </summary>
internal sealed class ApiKeyService(ApiKeyStore store, RecordWriter records, TimeProvider clock)
{
    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<ApiKeyCreated> CreateAsync(ApiKeySpec spec, string user)
    {
        spec.Validate();
        var (id, secret) = ApiKeyToken.Create();
        var key = new ApiKeyView { Id = id, Db = spec.Db, Role = spec.Role, Name = spec.Name, CreatedTime = Now };
        await store.InsertAsync(new StoredApiKey(key, ApiKeyToken.Hash(secret)));
        Audit(key.Db, key.Id, AuditEvent.KeyCreated, user, $"created key {key.Id} ({ApiKeyRoles.Format(key.Role)} on {key.Db}){NameSuffix(key)}");
        return new ApiKeyCreated(key, secret);
    }

    /// <summary>Revokes the key unless it already is; null for no such key.</summary>
    public async Task<StoredApiKey?> RevokeAsync(string id, string user)
    {
        var key = await store.ReadAsync(id);
        if (key is null || key.View.RevokedTime is not null)
        {
            return key;
        }
        await store.RevokeAsync(id, Now);
        Audit(key.View.Db, id, AuditEvent.KeyRevoked, user, $"revoked key {id}{NameSuffix(key.View)}");
        return await store.ReadAsync(id);
    }

    public Task<StoredApiKey?> ReadAsync(string id) => store.ReadAsync(id);

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(string? db) => (await store.ListAsync(db)).Select(k => k.View).ToList();

    /// <summary>A request refused for want of a valid key, scope or role; a db no table takes (from a bad path) counts as none.</summary>
    public void RecordRefusal(string db, string user, string description) =>
        Audit(KeyRules.IsValid(db) ? db : KeyRules.AllDbs, "", AuditEvent.Refused, user, description);

    private static string NameSuffix(ApiKeyView key) => key.Name is null ? "" : $" named '{key.Name}'";

    private void Audit(string db, string keyId, AuditEvent auditEvent, string user, string description) => records.Write(new AuditEntry
    {
        CreatedTime = Now,
        Job = new JobKey(db, "", keyId),
        Event = auditEvent,
        User = user,
        Description = description,
    });
}
