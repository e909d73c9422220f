namespace TimerGrid.Grains.Interfaces.Callbacks;

/// <summary>
/// What a GRAIN route calls when a job fires. Implement it in a grain class of your own silo (through an interface of
/// yours that extends it and carries an <c>[Alias]</c>, the route's <c>grain_interface</c>); TimerGrid's silos call it
/// without having your code. Delivery is at least once: a call that throws or times out is retried with backoff and the
/// same <see cref="TimerFired.IdempotencyKey"/>, then dead-lettered.
/// </summary>
[Alias("tg.ITimerCallback")]
public interface ITimerCallback : IGrainWithStringKey
{
    /// <summary>
    /// Receives one firing. Returning is the acknowledgement; throwing asks for a retry. Do not change the fired job
    /// from inside this call: the job waits for this delivery to end, so the change would wait for itself.
    /// </summary>
    [Alias("OnTimer")] Task OnTimerAsync(TimerFired fired);
}
