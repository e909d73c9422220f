using TimerGrid.Grains.Interfaces.Configuration;

namespace TimerGrid.Gateway.Json;

/// <summary>Request size limits derived from configuration.</summary>
public static class GatewayLimits
{
    /// <summary>Room for the fields around meta.</summary>
    private const int EnvelopeBytes = 64 * 1024;

    /// <summary>The largest request body accepted: the meta limit plus the fields around it.</summary>
    public static long MaxBodyBytes(TimerGridOptions options) => (long)options.MaxMetaBytes + EnvelopeBytes;
}
