using Microsoft.Extensions.Options;

namespace TimerGrid.Grains.Jobs;

/// <summary>
/// When a feature must read its state rows (the truth) again because timers died with their activations: at silo
/// start, every <see cref="FiringOptions.SweepInterval"/>, and when a silo of the cluster dies. Orleans never replays
/// a missed timer or reminder tick. Each feature recovers in a participant of its own; each handler reports its own
/// failures, and the next sweep tries again.
/// </summary>
internal abstract class StateRowRecovery(IClusterMembershipService membership, IOptions<FiringOptions> firing, TimeProvider clock)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();

    protected CancellationToken Stopping => _stopping.Token;

    protected FiringOptions Firing => firing.Value;

    protected long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(GetType().Name, ServiceLifecycleStage.Active, StartAsync, StopAsync);

    /// <summary>The silo started: nothing of this silo's memory survived.</summary>
    protected abstract Task StartedAsync();

    /// <summary>A sweep: what was due at or before <paramref name="overdue"/> (two sweeps ago) should have happened by now.</summary>
    protected abstract Task SweptAsync(long overdue);

    /// <summary>Silos of the cluster were declared dead, and their activations' timers with them.</summary>
    protected abstract Task SilosDiedAsync(IReadOnlyList<SiloAddress> died);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: start-up must not wait for thousands of deliveries.
        _ = Task.Run(async () =>
        {
            await StartedAsync();
            await SweepAsync();
        }, CancellationToken.None);
        _ = Task.Run(WatchForDeadSilosAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    private async Task SweepAsync()
    {
        var interval = Firing.SweepInterval;
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                await SweptAsync(Now - 2 * (long)interval.TotalMilliseconds);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // silo stopping
        }
    }

    private async Task WatchForDeadSilosAsync()
    {
        var dead = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress).ToHashSet();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stopping.Token))
            {
                var died = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead && dead.Add(m.SiloAddress)).Select(m => m.SiloAddress).ToList();
                if (died.Count > 0)
                {
                    await SilosDiedAsync(died);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // silo stopping
        }
    }
}
