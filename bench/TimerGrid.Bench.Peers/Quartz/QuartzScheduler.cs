using global::Quartz;
using TimerGrid.Bench.Peers.Webhooks;

namespace TimerGrid.Bench.Peers.Quartz;

/// <summary>Schedules a job with a one-shot simple trigger, through the scheduler running in this process.</summary>
internal sealed class QuartzScheduler(ISchedulerFactory schedulers) : IPeerScheduler
{
    public async Task ScheduleAsync(string group, string id, DateTimeOffset runAt, WebhookCall call, CancellationToken cancellation)
    {
        var scheduler = await schedulers.GetScheduler(cancellation);
        var job = JobBuilder.Create<QuartzWebhookJob>()
            .WithIdentity(id, group)
            .UsingJobData(QuartzWebhookJob.UrlKey, call.Url)
            .UsingJobData(QuartzWebhookJob.JobKey, call.Job)
            .UsingJobData(QuartzWebhookJob.TriggerTimeKey, call.TriggerTime)
            .UsingJobData(QuartzWebhookJob.BodyKey, call.Body)
            .Build();
        var trigger = TriggerBuilder.Create().WithIdentity(id, group).StartAt(runAt).Build();
        await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellation);
    }
}
