using System.Text.Json;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>A job in seed 003's GET answers: the job as sent, and when it runs next.</summary>
internal sealed record SchedulerApiJobResponse(
    string JobId, string Name, string JobClassString, JsonElement PubArgs, string Trigger, JsonElement TriggerParams, string NextRunTime)
{
    public static SchedulerApiJobResponse From(JobView job)
    {
        var seed = SchedulerApiJob.From(job);
        // The web UI counts a job as active unless next_run_time is exactly "".
        var next = job.Enabled && job.NextFireTime is { } at ? SchedulerApiTime.Format(at, job.Spec.Schedule?.TimeZone) : "";
        return new(seed.JobId, seed.Name, seed.JobClassString, seed.PubArgs, seed.Trigger, seed.TriggerParams, next);
    }
}
