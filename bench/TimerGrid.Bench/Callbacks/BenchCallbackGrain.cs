using TimerGrid.Bench.Webhooks;
using TimerGrid.Grains.Interfaces.Callbacks;

namespace TimerGrid.Bench.Callbacks;

/// <summary>Timestamps each firing on arrival into the receiver's log of its collection, as the webhook receiver does.</summary>
internal sealed class BenchCallbackGrain(Receiver receiver) : Grain, IBenchCallback
{
    public Task OnTimerAsync(TimerFired fired)
    {
        var arrivedAt = EpochClock.NowPrecise;
        receiver.For(fired.Job.Collection).Record(new Arrival(fired.Job.ToString(), fired.ScheduledTime, arrivedAt));
        return Task.CompletedTask;
    }
}
