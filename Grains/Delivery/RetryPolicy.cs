using Microsoft.Extensions.Options;

namespace TimerGrid.Grains.Delivery;

/// <summary>When to try again after a failed attempt: exponential backoff with full jitter, or the receiver's Retry-After.</summary>
internal sealed class RetryPolicy(IOptions<DeliveryOptions> options)
{
    private readonly DeliveryOptions _options = options.Value;

    public int MaxAttempts => _options.MaxAttempts;

    /// <summary>
    /// True when the job ends failed after this attempt: the route refused it for good, it used its MaxAttempts judged
    /// attempts, or the receiver said "later" (429, 503, a failed circuit probe) more than MaxThrottledAttempts times.
    /// </summary>
    /// <param name="attempt">The attempt that just ended, from 1.</param>
    /// <param name="unjudged">The occurrence's attempts that were not judged, this one included.</param>
    public bool GivesUp(DeliveryResult result, int attempt, int unjudged) =>
        !result.Delivered && (!result.Retryable || attempt - unjudged >= _options.MaxAttempts || unjudged > _options.MaxThrottledAttempts);

    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="retryAfter">What the receiver asked for, if anything.</param>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked < _options.RetryMaxDelay ? asked : _options.RetryMaxDelay;
        }
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var ceiling = Math.Min(exponential, _options.RetryMaxDelay.TotalMilliseconds);
        // Half fixed, half random: spreads a burst of failures without ever retrying at once.
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }
}
