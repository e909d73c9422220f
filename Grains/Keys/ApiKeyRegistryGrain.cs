using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Keys;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Grains.Keys;

/// <summary>Creation and listing of keys (a new key's id is random, so any activation may create it) and the refusal log.</summary>
[StatelessWorker, GrainType("apikeys")]
internal sealed class ApiKeyRegistryGrain(ApiKeyService keys) : Grain, IApiKeyRegistryGrain
{
    public Task<ApiKeyCreated> CreateAsync(ApiKeySpec spec) => keys.CreateAsync(spec, CallerContext.User);

    public Task<IReadOnlyList<ApiKeyView>> ListAsync(string? db) => keys.ListAsync(db);

    public Task RecordRefusalAsync(string db, string description)
    {
        keys.RecordRefusal(db, CallerContext.User, description);
        return Task.CompletedTask;
    }
}
