using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Calls;

namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>One scheduled job, keyed <c>db/collection/id</c> (see <see cref="JobKey"/>); owns its durable firing.</summary>
[Alias("tg.IJobGrain")]
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>Creates the job; repeating the same spec is harmless, a different spec for an existing job is a conflict.</summary>
    [Alias("Create"), Idempotent] Task<CreateOutcome> CreateAsync(JobSpec spec);

    /// <summary>Reschedules an existing job with a new spec; false when there is no such job.</summary>
    [Alias("Replace"), Idempotent] Task<bool> ReplaceAsync(JobSpec spec);

    /// <summary>Changes only the fields the patch gives, validated like a create; false when there is no such job.</summary>
    [Alias("Patch"), Idempotent] Task<bool> PatchAsync(JobPatch patch);

    /// <summary>The job as stored, or null when there is no such job. Never waits behind a delivery in flight.</summary>
    [Alias("Get"), Idempotent, ReadOnly, AlwaysInterleave] Task<JobView?> GetAsync();

    /// <summary>
    /// Cancels and forgets the job. While one of its deliveries is in flight (this call alone may interleave with it),
    /// the deletion is recorded durably and done when that delivery ends.
    /// </summary>
    [Alias("Delete"), Idempotent] Task<DeleteOutcome> DeleteAsync();

    /// <summary>Pauses the job: no occurrence fires until it is resumed. False when there is no such job.</summary>
    [Alias("Pause"), Idempotent] Task<bool> PauseAsync();

    /// <summary>Resumes a paused job; missed occurrences follow its misfire policy. False when there is no such job.</summary>
    [Alias("Resume"), Idempotent] Task<bool> ResumeAsync();

    /// <summary>Fires the job once now, outside its schedule, paused or not. The new execution's id, or null when there is no such job.</summary>
    [Alias("RunNow")] Task<string?> RunNowAsync();

    /// <summary>
    /// Delivers a failed job again now, attempts from 1, with the same idempotency key. The new execution's id, or null
    /// when there is no such job; <see cref="Errors.ErrorCodes.JobNotFailed"/> when the job is not failed.
    /// </summary>
    [Alias("Replay")] Task<string?> ReplayAsync();

    /// <summary>
    /// Deletes the job if it finished (delivered, or past its end) before <paramref name="finishedBeforeMs"/> and nothing of
    /// it is due (used by retention). True when it deleted it.
    /// </summary>
    [Alias("Expire")] Task<bool> ExpireAsync(long finishedBeforeMs);

    /// <summary>Makes the job check whether it is due, and fire if so (used by the start-up catch-up).</summary>
    [Alias("Wake")] Task WakeAsync();
}
