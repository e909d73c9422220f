using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Jobs;

/// <summary>How the audit log describes a job's schedule and route.</summary>
internal static class JobDescriptions
{
    /// <summary>The audit text of a job added with <paramref name="spec"/>.</summary>
    public static string Of(JobSpec spec) => $"{When(spec)}, route '{spec.Route}'";

    public static string When(JobSpec spec) => spec.Schedule switch
    {
        { Cron: { } cron } s => $"cron '{cron}' in {s.TimeZone ?? "UTC"}",
        { IntervalSeconds: { } seconds } => $"every {seconds} s",
        _ => $"at {DateTimeOffset.FromUnixTimeMilliseconds(spec.TriggerTime ?? 0):O}",
    };
}
