using TimerGrid.Grains.Interfaces.Dispatch;
using TimerGrid.Grains.Interfaces.Routes;

namespace TimerGrid.Gateway.Ui;

/// <summary>The dispatch state of the routes on a page of the dashboard, from each route's limiter.</summary>
internal static class UiRouteDispatch
{
    /// <summary>The state of each REST and GRAIN route, by id; a QUEUE route is pulled by its workers and has none.</summary>
    public static async Task<IReadOnlyDictionary<string, RouteDispatchStatus>> ReadAsync(IGrainFactory grains, IEnumerable<RouteView> routes)
    {
        var limited = routes.Where(r => r.Spec.Type != RouteType.Queue).ToList();
        var states = await Task.WhenAll(limited.Select(r => grains.GetGrain<IRouteLimiterGrain>(r.Key.ToString()).GetStatusAsync()));
        return limited.Select((r, i) => (r.Key.Id, states[i])).ToDictionary(p => p.Id, p => p.Item2);
    }

    /// <summary>"dispatching", "throttled" or "open circuit".</summary>
    public static string State(RouteDispatchStatus? status) => status?.State switch
    {
        null => UiFormat.None,
        DispatchState.OpenCircuit => "open circuit",
        DispatchState state => UiFormat.Name(state),
    };

    /// <summary>"100/s · 4 at once", "unlimited", or a part of it.</summary>
    public static string Limits(RouteDispatchStatus? status) => status switch
    {
        null => UiFormat.None,
        { RateLimit: null, ConcurrencyLimit: null } => "unlimited",
        { } limits => string.Join(" · ", new[]
        {
            limits.RateLimit is { } rate ? $"{UiFormat.Rate(rate)}/s" : null,
            limits.ConcurrencyLimit is { } slots ? $"{slots} at once" : null,
        }.OfType<string>()),
    };
}
