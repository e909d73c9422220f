namespace TimerGrid.Bench.Load;

/// <summary>What creating a <see cref="JobPlan"/> gave: which jobs were acknowledged (200), errors, timing.</summary>
internal sealed class JobBatch(JobPlan plan, bool[] acknowledged, int errors, TimeSpan elapsed, double minLeadMs)
{
    public JobPlan Plan => plan;

    public int Errors => errors;

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
