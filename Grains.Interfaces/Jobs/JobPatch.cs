namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>
/// A partial change of a job: each field that is null is left as it is. Giving <see cref="TriggerTime"/> makes the job
/// one-shot and giving <see cref="Schedule"/> makes it recurring (the other one goes), so a patch may switch kinds.
/// </summary>
[GenerateSerializer, Alias("tg.JobPatch")]
public sealed record JobPatch
{
    /// <summary>A new one-shot firing time, epoch ms.</summary>
    [Id(0)] public long? TriggerTime { get; init; }
    /// <summary>A new recurring trigger.</summary>
    [Id(1)] public JobSchedule? Schedule { get; init; }
    /// <summary>New JSON text to deliver.</summary>
    [Id(2)] public string? Meta { get; init; }
    /// <summary>A new route id in the job's db.</summary>
    [Id(3)] public string? Route { get; init; }
    /// <summary>A new name.</summary>
    [Id(4)] public string? Name { get; init; }
    /// <summary>Enables or disables the job.</summary>
    [Id(5)] public bool? Enabled { get; init; }
    /// <summary>A new misfire policy.</summary>
    [Id(6)] public MisfirePolicy? Misfire { get; init; }
    /// <summary>Whether occurrences may overlap.</summary>
    [Id(7)] public bool? AllowOverlap { get; init; }
    /// <summary>A new catch-up window, in ms.</summary>
    [Id(8)] public long? CatchUpWindowMs { get; init; }

    /// <summary>The spec with this patch applied; its <see cref="JobSpec.Enabled"/> is the patch's (null: keep the job's flag).</summary>
    public JobSpec ApplyTo(JobSpec spec) => spec with
    {
        TriggerTime = TriggerTime ?? (Schedule is null ? spec.TriggerTime : null),
        Schedule = Schedule ?? (TriggerTime is null ? spec.Schedule : null),
        Meta = Meta ?? spec.Meta,
        Route = Route ?? spec.Route,
        Name = Name ?? spec.Name,
        Enabled = Enabled,
        Misfire = Misfire ?? spec.Misfire,
        AllowOverlap = AllowOverlap ?? spec.AllowOverlap,
        CatchUpWindowMs = CatchUpWindowMs ?? spec.CatchUpWindowMs,
    };
}
