using TimerGrid.Grains.Dispatch;

namespace TimerGrid.Tests.Dispatch;

/// <summary>A route's circuit: opens after the threshold of consecutive failures, lets one probe out at a time with a doubling wait, closes on an answer.</summary>
public sealed class CircuitBreakerTests
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(20), MaxDelay = TimeSpan.FromSeconds(30);

    [Fact]
    public void Record_FailuresInterruptedByASuccess_DoNotOpenIt()
    {
        var circuit = new CircuitBreaker();

        circuit.Record(succeeded: 0, failed: 4, trailingFailures: 0, threshold: 5, now: 0);
        circuit.Record(succeeded: 1, failed: 3, trailingFailures: 2, threshold: 5, now: 100);
        circuit.Record(succeeded: 0, failed: 2, trailingFailures: 0, threshold: 5, now: 200);

        Assert.False(circuit.IsOpen);
        circuit.Record(succeeded: 0, failed: 1, trailingFailures: 0, threshold: 5, now: 300);
        Assert.True(circuit.IsOpen);
    }

    [Fact]
    public void Probes_WhileOpen_OneAtATimeWithADoublingWaitUntilOneIsAnswered()
    {
        var circuit = new CircuitBreaker();
        circuit.Record(succeeded: 0, failed: 5, trailingFailures: 0, threshold: 5, now: 0);

        Assert.False(circuit.TryStartProbe(999, ProbeTimeout));
        Assert.True(circuit.TryStartProbe(1000, ProbeTimeout));
        Assert.False(circuit.TryStartProbe(1001, ProbeTimeout));   // one at a time
        circuit.ProbeEnded(answered: false, now: 1100, MaxDelay);
        Assert.False(circuit.TryStartProbe(3099, ProbeTimeout));
        Assert.True(circuit.TryStartProbe(3100, ProbeTimeout));   // 2 s after the failed probe
        circuit.ProbeEnded(answered: true, now: 3200, MaxDelay);

        Assert.False(circuit.IsOpen);
    }
}
