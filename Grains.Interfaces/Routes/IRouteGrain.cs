using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Calls;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Interfaces.Routes;

/// <summary>One delivery route, keyed <c>db/id</c> (see <see cref="RouteKey"/>).</summary>
[Alias("tg.IRouteGrain")]
public interface IRouteGrain : IGrainWithStringKey
{
    /// <summary>Creates the route; repeating the same spec is harmless, a different spec is a conflict.</summary>
    [Alias("Create"), Idempotent] Task<CreateOutcome> CreateAsync(RouteSpec spec);

    /// <summary>Replaces an existing route; false when there is no such route.</summary>
    [Alias("Replace"), Idempotent] Task<bool> ReplaceAsync(RouteSpec spec);

    /// <summary>The route, or null when there is none. Never queues behind other calls: firings read it concurrently.</summary>
    [Alias("Get"), Idempotent, ReadOnly, AlwaysInterleave] Task<RouteView?> GetAsync();

    /// <summary>Deletes the route; false when there was none.</summary>
    [Alias("Delete"), Idempotent] Task<bool> DeleteAsync();
}
