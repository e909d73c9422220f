using TimerGrid.Grains.Interfaces.Calls;

namespace TimerGrid.Grains.Interfaces.Keys;

/// <summary>
/// One API key, keyed by its id. Every check of the key goes through its one activation, and a revocation
/// through the same activation, so a revoked key is refused on the next request at every gateway.
/// </summary>
[Alias("tg.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>The key when <paramref name="hash"/> (<see cref="ApiKeyToken.Hash"/>) is its material's, revoked or not; null for no such key or another material.</summary>
    [Alias("Authenticate"), Idempotent] Task<ApiKeyView?> AuthenticateAsync(string hash);

    /// <summary>The key, or null.</summary>
    [Alias("Get"), Idempotent] Task<ApiKeyView?> GetAsync();

    /// <summary>Revokes the key for good (again is harmless) and records it in the audit log; null for no such key.</summary>
    [Alias("Revoke"), Idempotent] Task<ApiKeyView?> RevokeAsync();
}
