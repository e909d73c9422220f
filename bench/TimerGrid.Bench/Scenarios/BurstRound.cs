using TimerGrid.Bench.Load;

namespace TimerGrid.Bench.Scenarios;

/// <summary>Creates jobs all due within one second, far enough ahead that creation is over before the first is due.</summary>
internal static class BurstRound
{
    /// <summary>
    /// With no <paramref name="ahead"/>, the due second starts at 1.5 × the creation time the warm-up
    /// predicts plus <paramref name="margin"/>; the rig's first burst runs the warm-up.
    /// </summary>
    public static async Task<JobBatch> CreateAsync(BenchRig rig, string collection, int jobs, TimeSpan? ahead, TimeSpan margin, string route = JobPlan.WebhookRoute)
    {
        var aheadMs = ahead?.TotalMilliseconds ?? jobs / (rig.WarmCreationRate ??= await Warmup.RunAsync(rig, jobs)) * 1500 + margin.TotalMilliseconds;
        Console.Error.WriteLine($"   {collection}: {jobs} jobs due within the second starting {aheadMs / 1000:F1} s from now");
        var batch = await rig.Driver.CreateJobsAsync(JobPlan.WithinOneSecond(collection, jobs, EpochClock.Now + (long)aheadMs, route));
        Console.Error.WriteLine($"   {collection}: {batch.Acknowledged} created in {batch.Elapsed.TotalSeconds:F1} s ({batch.PerSecond:F0} jobs/s), " +
            $"{batch.MinLeadMs / 1000:F1} s before the first was due");
        return batch;
    }
}
