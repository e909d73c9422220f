using System.Data.Common;
using System.Net.Sockets;
using Orleans.Runtime.Messaging;

namespace TimerGrid.Gateway.Retries;

/// <summary>Exceptions that say the cluster did not answer, as opposed to a wrong request or a bug.</summary>
internal static class ClusterFaults
{
    /// <summary>A silo left, a connection dropped, or no answer came in time: the call may not have run at all.</summary>
    public static bool IsSiloFault(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException;

    /// <summary>
    /// The grain ran but its database did not answer: a driver exception somewhere under the call (Orleans wraps
    /// storage failures, e.g. in an OrleansException around Npgsql's). Any DbException counts, as RecordQueryGrain
    /// already has it: one that crossed the wire has lost its SqlState and IsTransient.
    /// </summary>
    public static bool IsStorageFault(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or Orleans.Storage.InconsistentStateException or DbException)
            {
                return true;
            }
        }
        return false;
    }
}
