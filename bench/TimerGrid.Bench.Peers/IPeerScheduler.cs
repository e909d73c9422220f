using TimerGrid.Bench.Peers.Webhooks;

namespace TimerGrid.Bench.Peers;

/// <summary>Schedules a one-shot webhook call through the peer's own client API.</summary>
internal interface IPeerScheduler
{
    Task ScheduleAsync(string group, string id, DateTimeOffset runAt, WebhookCall call, CancellationToken cancellation);
}
