using Orleans.Metadata;
using TimerGrid.Grains.Interfaces.Callbacks;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Interfaces.Client;

/// <summary>The routes of one db, as <c>/route/{db}</c> serves them.</summary>
public sealed class TimerGridRoutes
{
    private readonly IGrainFactory _grains;
    private readonly GrainInterfaceTypeResolver _interfaceTypes;

    internal TimerGridRoutes(IGrainFactory grains, GrainInterfaceTypeResolver interfaceTypes, string db) =>
        (_grains, _interfaceTypes, Db) = (grains, interfaceTypes, db);

    /// <summary>The db.</summary>
    public string Db { get; }

    /// <summary>Creates a webhook route (<c>"type": "REST"</c>).</summary>
    public Task<CreateOutcome> CreateWebhookAsync(string id, string url, string? secret = null, PayloadStyle payload = PayloadStyle.Meta) =>
        CreateAsync(id, RouteSpec.Webhook(url, secret, payload));

    /// <summary>
    /// Creates a GRAIN route to <typeparamref name="TCallback"/>, an interface of yours extending <see cref="ITimerCallback"/>,
    /// implemented by a grain class of a silo of the cluster; <paramref name="grainKey"/> is a <see cref="GrainKeyTemplate"/>.
    /// </summary>
    public Task<CreateOutcome> CreateGrainAsync<TCallback>(string id, string grainKey) where TCallback : ITimerCallback =>
        CreateGrainAsync(id, _interfaceTypes.GetGrainInterfaceType(typeof(TCallback)).ToString(), grainKey);

    /// <summary>Creates a GRAIN route by the grain interface type's name (what <c>grain_interface</c> holds in the REST API).</summary>
    public Task<CreateOutcome> CreateGrainAsync(string id, string grainInterface, string grainKey) =>
        CreateAsync(id, RouteSpec.Grain(grainInterface, grainKey));

    /// <summary>Creates a route; the same spec again is harmless, a different one for an existing id is <see cref="ErrorCodes.RouteExists"/>.</summary>
    public Task<CreateOutcome> CreateAsync(string id, RouteSpec spec) =>
        Route(id).CreateAsync(spec).UnlessConflictAsync(ErrorCodes.RouteExists, $"route '{id}' exists with a different spec");

    /// <summary>The route, or null when there is none.</summary>
    public Task<RouteView?> GetAsync(string id) => Route(id).GetAsync();

    /// <summary>Deletes a route; false when there was none.</summary>
    public Task<bool> DeleteAsync(string id) => Route(id).DeleteAsync();

    private IRouteGrain Route(string id)
    {
        KeyRules.Require(id, "id");
        return _grains.GetGrain<IRouteGrain>(new RouteKey(Db, id).ToString());
    }
}
