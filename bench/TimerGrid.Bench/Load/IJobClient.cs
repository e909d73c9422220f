namespace TimerGrid.Bench.Load;

/// <summary>How the load driver creates one job on a target.</summary>
internal interface IJobClient : IAsyncDisposable
{
    /// <summary>"REST" or "Orleans client".</summary>
    string Kind { get; }

    /// <summary>Creates job <paramref name="index"/> of <paramref name="plan"/>; null when acknowledged, else what went wrong.</summary>
    Task<string?> CreateAsync(JobPlan plan, int index, long triggerTime);
}
