using System.Text.Json;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>GET /job: the seed's four fields, then the schedule and what TimerGrid knows about the job's firing.</summary>
internal sealed record JobResponse(
    string Id,
    long? TriggerTime,
    JsonElement Meta,
    string Route,
    string Db,
    string Collection,
    string? Name,
    ScheduleResponse? Schedule,
    bool Enabled,
    bool Deleting,
    MisfirePolicy Misfire,
    bool AllowOverlap,
    long? CatchUpWindowMs,
    JobStatus Status,
    long? NextFireTime,
    int Attempts,
    string? LastError,
    long? FiredAt,
    long? DeliveredAt,
    long? NextAttemptAt,
    long CreatedAt,
    long UpdatedAt)
{
    public static JobResponse From(JobView job)
    {
        using var meta = JsonDocument.Parse(job.Spec.Meta);
        var spec = job.Spec;
        return new(job.Key.Id, spec.TriggerTime, meta.RootElement.Clone(), spec.Route, job.Key.Db, job.Key.Collection,
            spec.Name, ScheduleResponse.From(spec.Schedule), job.Enabled, job.Deleting, spec.Misfire, spec.AllowOverlap, spec.CatchUpWindowMs,
            job.Status, job.NextFireTime, job.Attempts, job.LastError, job.FiredAt, job.DeliveredAt, job.NextAttemptAt, job.CreatedAt, job.UpdatedAt);
    }
}
