using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>Where seed 003's jobs live in the native model: db <c>default</c>, collection <c>scheduler</c>.</summary>
internal static class SchedulerCollection
{
    public const string Db = "default";
    public const string Collection = "scheduler";

    /// <summary>seed 003's ids are 32 hex characters; time-ordered (UUID version 7), so the job's rows are indexed at their indexes' ends.</summary>
    public static string NewJobId() => Guid.CreateVersion7().ToString("N");

    public static JobKey Key(string jobId)
    {
        KeyRules.Require(jobId, "job_id");
        return new JobKey(Db, Collection, jobId);
    }

    public static bool Contains(JobKey key) => key.Db == Db && key.Collection == Collection;

    public static IJobGrain Job(this IGrainFactory grains, JobKey key) => grains.GetGrain<IJobGrain>(key.ToString());
}
