using global::Hangfire;
using TimerGrid.Bench.Peers.Webhooks;

namespace TimerGrid.Bench.Peers.Hangfire;

/// <summary>Schedules with <c>IBackgroundJobClient.Schedule</c>, the delayed-job API Hangfire documents.</summary>
internal sealed class HangfireScheduler(IBackgroundJobClient jobs) : IPeerScheduler
{
    public Task ScheduleAsync(string group, string id, DateTimeOffset runAt, WebhookCall call, CancellationToken cancellation)
    {
        // Hangfire's client is synchronous; it substitutes the job's own token for CancellationToken.None.
        jobs.Schedule<HangfireWebhookJob>(job => job.RunAsync(call, CancellationToken.None), runAt);
        return Task.CompletedTask;
    }
}
