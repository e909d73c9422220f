using TimerGrid.Bench.Peers.Webhooks;

namespace TimerGrid.Bench.Peers.Hangfire;

/// <summary>The Hangfire job: one webhook call. Hangfire stores the call as the job's argument.</summary>
public sealed class HangfireWebhookJob(WebhookPoster poster)
{
    public Task RunAsync(WebhookCall call, CancellationToken cancellation) => poster.PostAsync(call, cancellation);
}
