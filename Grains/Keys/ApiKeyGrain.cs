using TimerGrid.Grains.Interfaces.Keys;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Grains.Keys;

/// <summary>
/// One key's checks and its revocation, in one activation (so not interleaved: a check never sees a row older
/// than a revocation that has returned). The row is kept for a second: a revocation through this grain is seen
/// at once, one made by the <c>keys</c> command directly in storage within that second.
/// </summary>
[GrainType("apikey")]
internal sealed class ApiKeyGrain(ApiKeyService keys, TimeProvider clock) : Grain, IApiKeyGrain
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private StoredApiKey? _key;
    private long _readAt;
    private bool _read;

    public async Task<ApiKeyView?> AuthenticateAsync(string hash) =>
        await CurrentAsync() is { } key && ApiKeyToken.HashesEqual(key.Hash, hash) ? key.View : null;

    public async Task<ApiKeyView?> GetAsync() => (await CurrentAsync())?.View;

    public async Task<ApiKeyView?> RevokeAsync()
    {
        Remember(await keys.RevokeAsync(this.GetPrimaryKeyString(), CallerContext.User));
        return _key?.View;
    }

    private async ValueTask<StoredApiKey?> CurrentAsync()
    {
        if (!_read || clock.GetElapsedTime(_readAt) >= Freshness)
        {
            Remember(await keys.ReadAsync(this.GetPrimaryKeyString()));
        }
        return _key;
    }

    private void Remember(StoredApiKey? key) => (_key, _readAt, _read) = (key, clock.GetTimestamp(), true);
}
