using Microsoft.Extensions.Options;
using TimerGrid.Grains.Interfaces.Keys;

namespace TimerGrid.Gateway.Auth;

/// <summary>
/// Finds the key a request presents. The bootstrap key is checked here; every other key by its grain, on every
/// request (no cache in the gateway), so a revocation counts on the next request at every gateway and silo.
/// </summary>
internal sealed class ApiKeyAuthenticator(IOptions<AuthOptions> options, IGrainFactory grains)
{
    /// <summary>How the bootstrap key appears in listings of callers and in the audit log.</summary>
    public static readonly ApiKeyView Bootstrap = new() { Id = "bootstrap", Db = ApiKeySpec.AllDbs, Role = ApiKeyRole.Admin };

    private readonly string? _bootstrapHash = options.Value.BootstrapKey is { } key ? ApiKeyToken.Hash(key) : null;

    /// <summary>The key, or null and why not (for people: never the key itself).</summary>
    public async Task<(ApiKeyView? Key, string Problem)> AuthenticateAsync(string token)
    {
        var hash = ApiKeyToken.Hash(token);
        if (_bootstrapHash is not null && ApiKeyToken.HashesEqual(hash, _bootstrapHash))
        {
            return (Bootstrap, "");
        }
        if (!ApiKeyToken.TryGetId(token, out var id))
        {
            return (null, "the API key is unknown");
        }
        var key = await grains.GetGrain<IApiKeyGrain>(id).AuthenticateAsync(hash);
        return key switch
        {
            null => (null, "the API key is unknown"),
            { RevokedTime: not null } => (null, $"API key {id} is revoked"),
            _ => (key, ""),
        };
    }
}
