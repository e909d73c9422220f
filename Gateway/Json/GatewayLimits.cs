using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Gateway.Json;

/// <summary>Request size limits derived from configuration.</summary>
public static class GatewayLimits
{
    /// <summary>Room for the fields around meta.</summary>
    private const int EnvelopeBytes = 64 * 1024;

    /// <summary>
    /// The most of a body read at all (Kestrel's limit). A body over its endpoint's limit is read and dropped up to here,
    /// so that a client writing it whole before reading sees the 413; only a larger one may find the connection closed.
    /// Above <see cref="MaxBodyBytes"/> whatever TimerGrid:MaxMetaBytes allows (at most 16 MiB).
    /// </summary>
    public const long HardBodyBytes = 64L * 1024 * 1024;

    /// <summary>The largest request body accepted: the meta limit plus the fields around it.</summary>
    public static long MaxBodyBytes(TimerGridOptions options) => (long)options.MaxMetaBytes + EnvelopeBytes;
}
