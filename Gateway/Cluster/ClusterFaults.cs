using Orleans.Runtime.Messaging;

namespace TimerGrid.Gateway.Cluster;

/// <summary>Exceptions that say the cluster did not answer, as opposed to a wrong request or a bug.</summary>
internal static class ClusterFaults
{
    /// <summary>A silo left, a connection dropped, or no answer came in time: the call may not have run at all.</summary>
    public static bool IsSiloFault(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException;
}
