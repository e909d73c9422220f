using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Calls;

namespace TimerGrid.Grains.Interfaces.Dispatch;

/// <summary>
/// The cluster-wide dispatch budget of one route, keyed like the route (<c>db/id</c>): its rate and concurrency limits,
/// its adaptive back-off and its circuit. Silos lease shares of the budget every tenth of a second while they have work
/// for the route, never once per delivery; a silo that stops calling loses its share after a few seconds.
/// </summary>
[Alias("tg.IRouteLimiterGrain")]
public interface IRouteLimiterGrain : IGrainWithStringKey
{
    /// <summary>Takes one silo's demand and the answers it saw since its last call; returns that silo's share.</summary>
    [Alias("Lease")] Task<DispatchGrant> LeaseAsync(DispatchReport report);

    /// <summary>What the route is doing now, for the dashboard.</summary>
    [Alias("Status"), Idempotent, ReadOnly, AlwaysInterleave] Task<RouteDispatchStatus> GetStatusAsync();
}
