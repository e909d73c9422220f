namespace TimerGrid.Grains.Queues;

// The callback of a finished job: one attempt per wake, retried with the webhooks' backoff until delivered or out of attempts.
internal sealed partial class QueueItemGrain
{
    private async Task CallBackAsync()
    {
        var attempt = ++State.CallbackAttempts;
        var result = await callbacks.SendAsync(State, Id, attempt);
        if (result.Delivered || !result.Retryable || attempt >= callbacks.MaxAttempts)
        {
            State.CallbackNextAt = null;
            State.LastError = result.Delivered ? State.LastError : $"callback: {result.Error}";
        }
        else
        {
            State.CallbackNextAt = Now() + (long)callbacks.DelayAfter(attempt, result.RetryAfter).TotalMilliseconds;
        }
        await item.WriteStateAsync();
        await ReconcileAsync();
    }
}
