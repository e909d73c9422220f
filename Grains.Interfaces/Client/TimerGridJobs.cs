using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Grains.Interfaces.Client;

/// <summary>The jobs of one <c>db/collection</c>, as <c>/job/{db}/{collection}</c> serves them.</summary>
public sealed class TimerGridJobs
{
    private readonly IGrainFactory _grains;

    internal TimerGridJobs(IGrainFactory grains, string db, string collection) => (_grains, Db, Collection) = (grains, db, collection);

    /// <summary>The db.</summary>
    public string Db { get; }

    /// <summary>The collection.</summary>
    public string Collection { get; }

    /// <summary>
    /// Schedules a one-shot job firing at <paramref name="at"/> into <paramref name="route"/>. <paramref name="meta"/> becomes
    /// the JSON delivered (the webhook body, or <c>TimerFired.Meta</c>): a <see cref="System.Text.Json.JsonElement"/> verbatim,
    /// null as <c>{}</c>, any other object serialized by System.Text.Json with web defaults (camelCase).
    /// Repeating the same call is harmless (<see cref="CreateOutcome.AlreadyExists"/>).
    /// </summary>
    public Task<CreateOutcome> ScheduleAsync(string id, DateTimeOffset at, object? meta, string route) =>
        ScheduleAsync(id, new JobSpec(at.ToUnixTimeMilliseconds(), JobMeta.ToJson(meta), route));

    /// <summary>Creates a job from a full spec (recurring schedules, names, options), as <c>POST /job</c> does.</summary>
    public Task<CreateOutcome> ScheduleAsync(string id, JobSpec spec) =>
        Job(id).CreateAsync(spec).UnlessConflictAsync(ErrorCodes.JobExists, $"job '{id}' exists with a different spec; reschedule it instead");

    /// <summary>
    /// Creates 1 to 1,000 jobs in one call, as <c>POST /job/{db}/{collection}/batch</c> does: one result per job, in order,
    /// ok (<see cref="CreateOutcome.Created"/>, or <see cref="CreateOutcome.AlreadyExists"/> for a repeat) or with the code
    /// <see cref="ScheduleAsync(string, JobSpec)"/> would throw for it (<see cref="ErrorCodes.JobExists"/> for another spec
    /// under an existing id). A bad job fails only itself; the same id twice is two creates in order; every ok job is
    /// durable when the call returns, and repeating the call is safe. Throws <see cref="ErrorCodes.InvalidBatch"/> for no
    /// jobs or more than 1,000.
    /// </summary>
    public async Task<IReadOnlyList<JobCreateResult>> ScheduleManyAsync(IEnumerable<NewJob> jobs) =>
        await _grains.GetGrain<IJobBatchGrain>(0).CreateAsync(Db, Collection, [.. jobs]);

    /// <summary>The job as stored, or null when there is none.</summary>
    public Task<JobView?> GetAsync(string id) => Job(id).GetAsync();

    /// <summary>Moves a job to a new one-shot time, keeping its meta and route (<c>PATCH</c> of <c>trigger_time</c>).</summary>
    public async Task RescheduleAsync(string id, DateTimeOffset at)
    {
        if (!await Job(id).PatchAsync(new JobPatch { TriggerTime = at.ToUnixTimeMilliseconds() }))
        {
            throw new TimerGridException(ErrorCodes.JobNotFound, $"no job '{id}' in {Db}/{Collection}");
        }
    }

    /// <summary>Cancels a job; <see cref="DeleteOutcome.NotFound"/> when there was none.</summary>
    public Task<DeleteOutcome> CancelAsync(string id) => Job(id).DeleteAsync();

    private IJobGrain Job(string id)
    {
        KeyRules.Require(id, "id");
        return _grains.GetGrain<IJobGrain>(new JobKey(Db, Collection, id).ToString());
    }
}
