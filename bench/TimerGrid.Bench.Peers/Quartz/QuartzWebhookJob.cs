using global::Quartz;
using TimerGrid.Bench.Peers.Webhooks;

namespace TimerGrid.Bench.Peers.Quartz;

/// <summary>The Quartz job: one webhook call, described by the job's data map.</summary>
public sealed class QuartzWebhookJob(WebhookPoster poster) : IJob
{
    public const string UrlKey = "url";
    public const string JobKey = "job";
    public const string TriggerTimeKey = "trigger_time";
    public const string BodyKey = "body";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var call = new WebhookCall(data.GetString(UrlKey)!, data.GetString(JobKey)!, data.GetLong(TriggerTimeKey), data.GetString(BodyKey)!);
        await poster.PostAsync(call, cancellationToken);
    }
}
