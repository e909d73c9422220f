using System.Diagnostics;

namespace TimerGrid.Gateway.Retries;

/// <summary>Sends an idempotent grain call again, within a short budget, while a silo leaves under it.</summary>
internal static class ClusterRetry
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Only for calls whose repeat has the effect of one (create with the same body, get, put, delete, pause, resume):
    /// a call that timed out may have run. Never for run-now.
    /// </summary>
    public static async Task<T> IdempotentAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (ClusterFaults.IsSiloFault(e) && Stopwatch.GetElapsedTime(started) + delay < Budget)
            {
                // A rolling restart: the membership and the client's gateway list catch up within a few seconds.
                await Task.Delay(delay);
                delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
            }
        }
    }
}
