namespace TimerGrid.Bench.Load;

/// <summary>What creating a <see cref="JobPlan"/> gave: which jobs were acknowledged, errors, skipped jobs, timing.</summary>
internal sealed class JobBatch(JobPlan plan, bool[] acknowledged, int errors, int skipped, TimeSpan elapsed, double minLeadMs)
{
    public JobPlan Plan => plan;

    public int Errors => errors;

    /// <summary>Jobs of a paced plan not created because they were already due when a worker got to them.</summary>
    public int Skipped => skipped;

    public TimeSpan Elapsed => elapsed;

    /// <summary>The least time left before a job's trigger time when its 200 came; negative if creation fell behind firing.</summary>
    public double MinLeadMs => minLeadMs;

    public int Acknowledged { get; } = acknowledged.Count(a => a);

    public double PerSecond => Acknowledged / elapsed.TotalSeconds;

    public long LastTriggerTime => plan.TriggerTime(plan.Count - 1);

    public IEnumerable<string> AcknowledgedKeys()
    {
        for (var i = 0; i < acknowledged.Length; i++)
        {
            if (acknowledged[i])
            {
                yield return plan.Key(i);
            }
        }
    }
}
