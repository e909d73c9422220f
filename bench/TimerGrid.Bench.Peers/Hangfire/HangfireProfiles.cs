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
            // After kill -9: a job fetched by the dead server comes back in seconds, not 30 min, and a
            // scheduler lock it held expires in 1 min, not 10.
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
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
        server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        server.WorkerCount = 20;
        server.MaxDegreeOfParallelismForSchedulers = 4;
    }
}
