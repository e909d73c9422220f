using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Queues;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Queues;

/// <summary>
/// POSTs a finished job to its <c>X-Accepted-Callback-URL</c> through the webhook path: signed with the queue route's
/// secret, <c>webhook-id</c> the same on every retry, the destination policy and timeouts of any webhook.
/// </summary>
internal sealed class QueueCallbacks(WebhookDelivery delivery, RetryPolicy retries, IGrainFactory grains)
{
    public int MaxAttempts => retries.MaxAttempts;

    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter) => retries.DelayAfter(attempt, retryAfter);

    public async Task<DeliveryResult> SendAsync(QueueItemState state, string id, int attempt)
    {
        var route = await grains.GetGrain<IRouteGrain>(new RouteKey(state.Db, state.Queue).ToString()).GetAsync();
        if (route is null)
        {
            return DeliveryResult.GiveUp($"queue route '{state.Queue}' no longer exists in db '{state.Db}': nothing to sign the callback with");
        }
        RouteSpecRules.TryNormalizeUrl(state.CallbackUrl, out var url);
        var body = QueueItemJson.Serialize(state.ToView(id));
        return await delivery.SendAsync(new WebhookMessage(new Uri(url), route.Spec.Secret!, body, JobKey.Parse(state.OriginJob), state.FinishedAt ?? 0, attempt));
    }
}
