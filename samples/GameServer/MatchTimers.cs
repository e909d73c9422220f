using Orleans;
using TimerGrid.Grains.Interfaces.Callbacks;

namespace TimerGrid.GameServer;

/// <summary>One grain per match (the route's grain_key is "{id}"): TimerGrid calls it when the match's timer fires.</summary>
public sealed class MatchTimers(MatchBoard board) : Grain, IMatchTimers
{
    public Task OnTimerAsync(TimerFired fired)
    {
        var end = fired.MetaAs<MatchEnd>()!;
        var late = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - fired.ScheduledTime;
        // At least once: a retry after a crash carries the same IdempotencyKey, so count each match once.
        board.Ended(fired.IdempotencyKey, $"{fired.Job.Id} ended: match {end.Match} in {end.Arena}, {late} ms after its time, attempt {fired.Attempt}");
        return Task.CompletedTask;
    }
}
