using TimerGrid.Bench.Webhooks;

namespace TimerGrid.Bench.Targets;

/// <summary>A scheduler the bench drives: TimerGrid in one of its set-ups, or a peer with one of its configurations.</summary>
internal interface ITarget
{
    /// <summary>Short name for the command line and file names, e.g. <c>hangfire-tuned</c>.</summary>
    string Name { get; }

    /// <summary>What the results table calls it.</summary>
    string Title { get; }

    bool NeedsPostgres { get; }

    /// <summary>Creates its storage, starts its node and connects a job client; firings go to <paramref name="receiver"/>.</summary>
    Task<Deployment> DeployAsync(BenchEnvironment environment, string workDir, Receiver receiver);
}
