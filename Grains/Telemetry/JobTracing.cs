using System.Diagnostics;
using TimerGrid.Grains.Interfaces.Telemetry;

namespace TimerGrid.Grains.Telemetry;

/// <summary>
/// TimerGrid's spans. A delivery is a child of the grain call that scheduled it while the job's activation lives
/// (a job due within a minute keeps it), so request → grain call → delivery → webhook POST is one trace; a job woken
/// later by its reminder starts a trace of its own. Nothing is created unless a tracer listens.
/// </summary>
internal static class JobTracing
{
    private static readonly ActivitySource Source = new(TelemetryNames.ActivitySource);

    /// <summary>The trace of the call being served, to parent the deliveries it schedules; default outside one.</summary>
    public static ActivityContext Caller => Activity.Current?.Context ?? default;

    public static Activity? StartDelivery(string jobKey, int attempt, ActivityContext scheduledBy)
    {
        var activity = Source.StartActivity("timergrid.delivery", ActivityKind.Internal, scheduledBy);
        if (activity is not null)
        {
            activity.SetTag(TelemetryNames.JobAttribute, jobKey);
            activity.SetTag("timergrid.attempt", attempt);
        }
        return activity;
    }
}
