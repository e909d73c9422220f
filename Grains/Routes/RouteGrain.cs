using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Routes;

/// <summary>One route. Read on every firing, so reads interleave and never wait behind each other.</summary>
[GrainType("route")]
internal sealed class RouteGrain(
    [PersistentState(StateNames.Route, StorageNames.Default)] IPersistentState<RouteState> route) : Grain, IRouteGrain
{
    private RouteKey _key;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = RouteKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<CreateOutcome> CreateAsync(RouteSpec spec)
    {
        RouteSpecRules.Validate(_key, spec);
        if (route.RecordExists)
        {
            return route.State.Matches(spec) ? CreateOutcome.AlreadyExists : CreateOutcome.Conflict;
        }
        await SaveAsync(spec, spec.Secret ?? WebhookSigner.NewSecret(), version: 1);
        return CreateOutcome.Created;
    }

    public async Task<bool> ReplaceAsync(RouteSpec spec)
    {
        RouteSpecRules.Validate(_key, spec);
        if (!route.RecordExists)
        {
            return false;
        }
        await SaveAsync(spec, spec.Secret ?? route.State.Secret, route.State.Version + 1);
        return true;
    }

    public Task<RouteView?> GetAsync() =>
        Task.FromResult(route.RecordExists ? route.State.ToView(_key) : null);

    public async Task<bool> DeleteAsync()
    {
        if (!route.RecordExists)
        {
            return false;
        }
        await route.ClearStateAsync();
        return true;
    }

    private Task SaveAsync(RouteSpec spec, string secret, int version)
    {
        route.State = new RouteState
        {
            Type = spec.Type,
            WebhookUrl = spec.WebhookUrl,
            Secret = secret,
            Payload = spec.Payload,
            GrainInterface = spec.GrainInterface,
            GrainKey = spec.GrainKey,
            MaxDispatchesPerSecond = spec.MaxDispatchesPerSecond,
            MaxConcurrentDispatches = spec.MaxConcurrentDispatches,
            CircuitBreakerThreshold = spec.CircuitBreakerThreshold,
            Version = version,
        };
        return route.WriteStateAsync();
    }
}
