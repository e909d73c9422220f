using System.Text.Json;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Gateway.Jobs;

/// <summary>GET /job: the seed's four fields, then what TimerGrid knows about the job's firing.</summary>
internal sealed record JobResponse(
    string Id,
    long? TriggerTime,
    JsonElement Meta,
    string Route,
    string Db,
    string Collection,
    JobStatus Status,
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
        return new(job.Key.Id, job.Spec.TriggerTime, meta.RootElement.Clone(), job.Spec.Route, job.Key.Db, job.Key.Collection,
            job.Status, job.Attempts, job.LastError, job.FiredAt, job.DeliveredAt, job.NextAttemptAt, job.CreatedAt, job.UpdatedAt);
    }
}
