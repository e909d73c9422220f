using global::Quartz;

namespace TimerGrid.Bench.Peers.Quartz;

/// <summary>
/// Quartz.NET 4.7.3 as documented, and tuned. The defaults (read from the 4.7.3 options validators):
/// a thread pool of 10, <c>IdleWaitTime</c> 30 s, batch acquisition sized automatically to the pool,
/// <c>MisfireThreshold</c> 60 s, not clustered. Scheduling in the scheduler's own process wakes its
/// loop at once, so the idle wait only matters after a restart.
/// </summary>
internal static class QuartzProfiles
{
    public static void Configure(IQuartzBuilder quartz, bool tuned)
    {
        if (!tuned)
        {
            return;
        }
        // The tuned row: twice the threads, batches as big as the pool (the docs measure batching as faster),
        // the smallest idle wait the validator accepts (1 s). Not clustered, like TimerGrid's single node:
        // clustering adds database row locks to every acquisition.
        const int threads = 20;
        quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = threads);
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.IdleWaitTime = TimeSpan.FromSeconds(1);
            scheduler.MaxBatchSize = threads;
        });
    }
}
