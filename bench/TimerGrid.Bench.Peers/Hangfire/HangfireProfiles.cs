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
            // After kill -9: a job the dead server had fetched runs again after 1 min, not 30 (the sliding
            // timeout's heartbeat keeps longer jobs of a live server fetched), and a scheduler lock it held
            // expires in 1 min, not 10.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromMinutes(1),
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        }
        : new PostgreSqlStorageOptions();

    public static void ConfigureServer(BackgroundJobServerOptions server, bool tuned)
    {
        if (!tuned)
        {
            return;
        }
        // Chosen by measurement on the bench's 1000-job burst. The most aggressive settings the validators
        // accept (schedule polling 100 ms, queue polling 50 ms with LISTEN/NOTIFY long polling) fired 27-30
        // jobs/s, a third of the defaults' rate: the polling queries took the CPU. Hangfire compares whole
        // seconds when it moves delayed jobs, so polling faster than each second buys nothing. What limits it
        // is that pass, which enqueues due jobs one at a time (~85/s): four parallel schedulers
        // (MaxDegreeOfParallelismForSchedulers, marked experimental) and 20 workers gave 92/s.
        server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        server.WorkerCount = 20;
        server.MaxDegreeOfParallelismForSchedulers = 4;
    }
}
