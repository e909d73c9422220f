using System.Collections.Concurrent;
using TimerGrid.Grains.Interfaces.Dispatch;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Telemetry;

namespace TimerGrid.Grains.Dispatch;

/// <summary>The silo's <see cref="RouteGate"/>s, one per route it dispatched to; their lease loops end as the silo stops.</summary>
internal sealed class RouteGates(IGrainFactory grains, ILocalSiloDetails silo, TimeProvider clock, TimerGridInstruments instruments, ILogger<RouteGate> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ConcurrentDictionary<string, RouteGate> _gates = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _silo = silo.SiloAddress.ToParsableString();

    private static readonly Task<DispatchPermit> Unguarded = Task.FromResult(DispatchPermit.None);

    /// <summary>
    /// Waits until this dispatch of <paramref name="route"/> may start; <paramref name="dueAt"/> orders the waiters. A
    /// QUEUE route only enqueues: its workers pull at their own pace, so nothing holds it back.
    /// </summary>
    public Task<DispatchPermit> EnterAsync(RouteView route, long dueAt, CancellationToken cancellation) => route.Spec.Type == RouteType.Queue
        ? Unguarded
        : _gates.GetOrAdd(route.Key.ToString(), NewGate).EnterAsync(route, dueAt, cancellation);

    /// <summary>Dispatches of this silo waiting for their routes' budgets: each waits for time to pass, not for work.</summary>
    public int Waiting => _gates.Values.Sum(gate => gate.Waiting);

    /// <summary>Some gate is acting on its time (<see cref="RouteGate.Acting"/>): its dispatches may start any moment.</summary>
    public bool Acting => _gates.Values.Any(gate => gate.Acting);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RouteGates), ServiceLifecycleStage.Active, _ => Task.CompletedTask, _ => _stopping.CancelAsync());

    private RouteGate NewGate(string key) => new(key, grains.GetGrain<IRouteLimiterGrain>(key), _silo, _stopping.Token, clock, instruments, logger);
}
