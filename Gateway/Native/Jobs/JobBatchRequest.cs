using System.Text.Json;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>
/// A batch create body, <c>{"jobs": [&lt;job body&gt;, ...]}</c>: the envelope's faults refuse the whole request
/// (<see cref="ErrorCodes.InvalidBatch"/>); each job is parsed as a single create's body, and its faults are its own.
/// </summary>
internal static class JobBatchRequest
{
    /// <summary>One entry: a job to create, or the result of an entry that is not one.</summary>
    public readonly record struct Entry(NewJob? Job, JobCreateResult? Refused);

    public static Entry[] Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("jobs", out var jobs) || jobs.ValueKind != JsonValueKind.Array)
        {
            throw new TimerGridException(ErrorCodes.InvalidBatch, """the body must be {"jobs": [<job>, ...]}""");
        }
        JobBatchRules.RequireCount(jobs.GetArrayLength());
        return [.. jobs.EnumerateArray().Select(ParseEntry)];
    }

    private static Entry ParseEntry(JsonElement job)
    {
        if (job.ValueKind != JsonValueKind.Object)
        {
            return new(null, JobCreateResult.Failed(null, ErrorCodes.MalformedBody, "a job must be a JSON object"));
        }
        try
        {
            var (id, spec) = JobRequest.ParseCreate(job);
            return new(new NewJob(id, spec), null);
        }
        catch (TimerGridException e)
        {
            return new(null, JobCreateResult.Failed(IdOf(job), e.Error, e.Message));
        }
    }

    private static string? IdOf(JsonElement job) =>
        job.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
