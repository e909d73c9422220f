using System.Diagnostics;

namespace TimerGrid.Bench.Load;

/// <summary>Creates the jobs of a plan from many concurrent workers through a target's job client.</summary>
internal sealed class LoadDriver(IJobClient client)
{
    private const int Workers = 48;
    private const int ErrorsShown = 20;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    private int _errorsShown;

    /// <summary>
    /// Creates every job of <paramref name="plan"/>. A paced plan (with a lead) skips a job whose trigger
    /// time has passed before a worker got to it: the target could not keep up with the rate, and creating
    /// the backlog would only measure the backlog.
    /// </summary>
    public async Task<JobBatch> CreateJobsAsync(JobPlan plan)
    {
        var acknowledged = new bool[plan.Count];
        var next = -1;
        var errors = 0;
        var skipped = 0;
        var done = 0;
        var elapsed = Stopwatch.StartNew();
        using var stopProgress = new CancellationTokenSource();
        var progress = ReportProgressAsync(plan, () => Volatile.Read(ref done), elapsed, stopProgress.Token);

        async Task<double> WorkAsync()
        {
            var minLead = double.MaxValue;
            for (var i = Interlocked.Increment(ref next); i < plan.Count; i = Interlocked.Increment(ref next))
            {
                var triggerTime = plan.TriggerTime(i);
                if (plan.Lead is { } lead)
                {
                    await EpochClock.UntilAsync(triggerTime - (long)lead.TotalMilliseconds);
                    if (EpochClock.Now >= triggerTime)
                    {
                        Interlocked.Increment(ref skipped);
                        Interlocked.Increment(ref done);
                        continue;
                    }
                }
                if (await client.CreateAsync(plan, i, triggerTime) is { } error)
                {
                    Interlocked.Increment(ref errors);
                    ShowError(plan, i, error);
                }
                else
                {
                    acknowledged[i] = true;
                    minLead = Math.Min(minLead, triggerTime - EpochClock.NowPrecise);
                }
                Interlocked.Increment(ref done);
            }
            return minLead;
        }

        var leads = await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(WorkAsync)));
        elapsed.Stop();
        await stopProgress.CancelAsync();
        await progress;
        if (errors > 0 || skipped > 0)
        {
            Console.Error.WriteLine($"   {plan.Collection}: of {plan.Count} jobs, {errors} creations failed and {skipped} were skipped (due before a worker got to them)");
        }
        return new JobBatch(plan, acknowledged, errors, skipped, elapsed.Elapsed, leads.Min());
    }

    private void ShowError(JobPlan plan, int index, string what)
    {
        if (Interlocked.Increment(ref _errorsShown) <= ErrorsShown)
        {
            Console.Error.WriteLine($"   error: creating {plan.Key(index)} ({client.Kind}) → {what}");
        }
    }

    private static async Task ReportProgressAsync(JobPlan plan, Func<int> done, Stopwatch elapsed, CancellationToken stop)
    {
        using var ticks = new PeriodicTimer(ProgressEvery);
        try
        {
            while (await ticks.WaitForNextTickAsync(stop))
            {
                var count = done();
                Console.Error.WriteLine($"   {plan.Collection}: {count}/{plan.Count} created, {count / elapsed.Elapsed.TotalSeconds:F0} jobs/s");
            }
        }
        catch (OperationCanceledException)
        {
            // creation finished
        }
    }
}
