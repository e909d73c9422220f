using global::Hangfire;
using global::Hangfire.PostgreSql;

namespace TimerGrid.Bench.Peers.Hangfire;

/// <summary>
/// Hangfire 1.8.25 on Hangfire.PostgreSql 1.21.1 as documented, and tuned. The defaults: 10 workers
/// (cores × 5, at most 20), delayed jobs polled every 15 s (<c>SchedulePollingInterval</c>), the queue
/// polled every 15 s (<c>QueuePollInterval</c>; a job enqueued in this process wakes its workers anyway).
/// </summary>
internal static class HangfireProfiles
{
    public static PostgreSqlStorageOptions Storage(bool tuned) => tuned
        ? new PostgreSqlStorageOptions
        {
            QueuePollInterval = TimeSpan.FromMilliseconds(50),   // the validator's minimum
            EnableLongPolling = true,                            // LISTEN/NOTIFY wakes fetching workers
            UseSlidingInvisibilityTimeout = true,
        }
        : new PostgreSqlStorageOptions();

    public static void ConfigureServer(BackgroundJobServerOptions server, bool tuned)
    {
        if (!tuned)
        {
            return;
        }
        // 100 ms rather than the 0 the setter accepts: 0 polls in a tight loop that would take a core from
        // Hangfire's own workers on this machine.
        server.SchedulePollingInterval = TimeSpan.FromMilliseconds(100);
        server.WorkerCount = 20;
    }
}
