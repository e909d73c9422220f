using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Interfaces.Queues;

/// <summary>Where seed-002 jobs due at once enter their queues. A stateless worker: call it with key 0.</summary>
[Alias("tg.IQueueIntakeGrain")]
public interface IQueueIntakeGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Creates the seed-002 job <paramref name="job"/> (its id a fresh uuid, which its queue job shares), due at once, and
    /// puts it in its queue (<paramref name="spec"/>'s route) in one durable write: the native job, delivered into the
    /// queue, and the queue job. Takeable once this returns; a job of that id already there fails the call.
    /// </summary>
    [Alias("Submit")] Task SubmitAsync(JobKey job, JobSpec spec);
}
