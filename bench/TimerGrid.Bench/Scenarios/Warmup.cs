using TimerGrid.Bench.Load;

namespace TimerGrid.Bench.Scenarios;

/// <summary>
/// Creates and fires a few hundred jobs before a burst: it measures the node's creation rate, so the
/// burst can be scheduled just far enough ahead, and it runs the create and fire paths often enough
/// for the JIT to have optimized them. Without it, a fresh node's first burst runs its firing path as
/// unoptimized code while compiling it (measured: a quarter of the node's CPU in the JIT).
/// </summary>
internal static class Warmup
{
    private const int FullSize = 500;
    private static readonly TimeSpan DueIn = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan TierUp = TimeSpan.FromSeconds(5);

    /// <summary>Warms up before a burst of <paramref name="burstJobs"/>: 500 jobs and 5 s, less for a smaller burst.</summary>
    public static async Task<double> RunAsync(BenchRig rig, int burstJobs)
    {
        var jobs = Math.Min(FullSize, burstJobs);
        var plan = JobPlan.WithinOneSecond($"warmup{EpochClock.Now}", jobs, EpochClock.Now + (long)DueIn.TotalMilliseconds);
        var batch = await rig.Driver.CreateJobsAsync(plan);
        var fired = await rig.Receiver.For(plan.Collection).WaitForAsync(batch.Acknowledged, batch.LastTriggerTime + 30_000);
        await Task.Delay(TierUp * jobs / FullSize);   // the JIT optimizes hot methods in the background
        Console.Error.WriteLine($"   warm-up: created {batch.PerSecond:F0} jobs/s{(fired ? ", all fired" : ", NOT all fired")}");
        return batch.PerSecond;
    }
}
