using System.ComponentModel.DataAnnotations;

namespace TimerGrid.Grains.Delivery;

/// <summary>The <c>TimerGrid:Delivery</c> section: webhook attempts and retries.</summary>
internal sealed class DeliveryOptions
{
    public const string Section = "TimerGrid:Delivery";

    /// <summary>How long one webhook attempt may take before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per schedule before the job ends <c>failed</c>.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// Attempts a job may spend on answers the receiver did not judge (429, 503, a failed circuit probe) on top of
    /// <see cref="MaxAttempts"/>: a receiver that only ever says "later" still ends the job.
    /// </summary>
    [Range(0, 10_000)]
    public int MaxThrottledAttempts { get; set; } = 100;

    /// <summary>Consecutive failed attempts of a route (no connection, timeout, 5xx but 503) that open its circuit, unless the route sets its own.</summary>
    [Range(1, 10_000)]
    public int CircuitBreakerThreshold { get; set; } = 5;

    /// <summary>The longest wait between two probes of an open circuit; the first waits a second, each next one twice as long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CircuitProbeMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after the first failed attempt; each later wait doubles.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, also the cap on a receiver's <c>Retry-After</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Connections the node keeps open to one receiver (scheme, host and port) at most; more attempts at once wait for
    /// one of them, within <see cref="AttemptTimeout"/>. Without a cap a burst of 5,000 jobs to one receiver opened
    /// 3,900 connections.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxConnectionsPerHost { get; set; } = 256;

    /// <summary>How much of a receiver's response body an execution keeps as its result.</summary>
    [Range(0, 1024 * 1024)]
    public int MaxResultBytes { get; set; } = 4096;

    /// <summary>
    /// CIDR networks, comma-separated, that webhooks may not connect to, checked on the address a host resolves to at
    /// connect time. Link-local by default: cloud metadata services live there.
    /// </summary>
    public string DeniedNetworks { get; set; } = "169.254.0.0/16, fe80::/10";

    /// <summary>CIDR networks, comma-separated, that webhooks may connect to even inside a denied network.</summary>
    public string AllowedNetworks { get; set; } = "";
}
