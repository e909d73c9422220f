using TimerGrid.Grains.Interfaces.Callbacks;

namespace TimerGrid.Tests.Fixtures;

/// <summary>The interface a GRAIN route names, as a user's service declares it.</summary>
[Alias("tests.IRecordingCallback")]
public interface IRecordingCallback : ITimerCallback;

/// <summary>A user's callback grain: hosted only by the fixture's game silos, never by the TimerGrid silo.</summary>
public sealed class RecordingCallbackGrain(CallbackInbox inbox, ILocalSiloDetails silo) : Grain, IRecordingCallback
{
    public Task OnTimerAsync(TimerFired fired) => inbox.ReceiveAsync(fired, this.GetPrimaryKeyString(), silo.SiloAddress);
}
