using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Calls;

namespace TimerGrid.Grains.Interfaces.Keys;

/// <summary>Creates and lists API keys, and records refused requests in the audit log. A stateless worker: use key 0.</summary>
[Alias("tg.IApiKeyRegistryGrain")]
public interface IApiKeyRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Creates a key and records it in the audit log; the material is in the answer only.</summary>
    [Alias("Create")] Task<ApiKeyCreated> CreateAsync(ApiKeySpec spec);

    /// <summary>Keys, revoked ones included, oldest first: all of them, or those scoped to <paramref name="db"/>.</summary>
    [Alias("List"), Idempotent, ReadOnly] Task<IReadOnlyList<ApiKeyView>> ListAsync(string? db);

    /// <summary>Records a refused request against <paramref name="db"/> (<c>*</c> when it named none); the caller comes from the request context.</summary>
    [Alias("Refused"), OneWay] Task RecordRefusalAsync(string db, string description);
}
