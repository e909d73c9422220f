using TimerGrid.Grains.Dispatch;

namespace TimerGrid.Tests.Dispatch;

/// <summary>AIMD on a route's rate: a 429/503 cuts it at most once a second, answers without one raise it, never above the configured limit.</summary>
public sealed class AdaptiveRateTests
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(5);

    [Fact]
    public void Throttled_OnALimitedRoute_HalvesOnceASecondThenClimbsBackToTheLimit()
    {
        var rate = new AdaptiveRate();

        rate.Throttled(now: 0, configured: 100, sentRate: 100, acceptedRate: 90, retryAfter: null, MaxPause);
        rate.Throttled(now: 500, configured: 100, sentRate: 100, acceptedRate: 90, retryAfter: null, MaxPause);
        Assert.Equal(50, rate.Current);

        for (var second = 1; rate.Current is not null; second++)
        {
            Assert.True(second < 20, "never climbed back");
            Assert.True(rate.Current < 100);
            rate.Answered(now: second * 1000, configured: 100);
        }
    }

    [Fact]
    public void Throttled_WithRetryAfter_PausesTheRouteThatLongAndCutsToWhatTheReceiverTook()
    {
        var rate = new AdaptiveRate();

        rate.Throttled(now: 0, configured: null, sentRate: 500, acceptedRate: 50, retryAfter: TimeSpan.FromSeconds(2), MaxPause);

        Assert.True(rate.IsPaused(1999));
        Assert.False(rate.IsPaused(2000));
        Assert.Equal(50, rate.Current);
    }
}
