using System.Text.Json;
using TimerGrid.Gateway.Json;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Validation;

namespace TimerGrid.Gateway.Scheduler;

/// <summary>The body of seed 003's POST and PUT <c>/jobs</c>: <c>{job_class_string, name, pub_args, trigger, trigger_params}</c>.</summary>
internal static class SchedulerApiJobRequest
{
    /// <summary>The native spec: the job fires into the route named by job_class_string, with the seed job as its webhook body.</summary>
    public static JobSpec Parse(JsonElement body, string jobId)
    {
        var jobClass = body.RequiredString("job_class_string");
        KeyRules.Require(jobClass, "job_class_string (the id of a route in db 'default')");
        var name = body.RequiredString("name");
        var pubArgs = PubArgs(body);
        var trigger = body.RequiredString("trigger");
        var triggerParams = body.OptionalObject("trigger_params") ?? throw new TimerGridException(ErrorCodes.MissingField, "trigger_params is required");
        var schedule = SchedulerApiTrigger.ToSchedule(trigger, triggerParams);
        var job = SchedulerApiJob.Create(jobId, name, jobClass, pubArgs, trigger, triggerParams);
        // Enabled stays null: true on a create, unchanged on a replace, so a PUT keeps a paused job paused.
        // seed 003's names are labels: many jobs may share one.
        return new JobSpec(null, job.ToMeta(), jobClass) { Schedule = schedule, Name = name, AllowMissingRoute = true, SharedName = true };
    }

    private static JsonElement? PubArgs(JsonElement body) =>
        body.TryGetProperty("pub_args", out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Array ? value : throw new TimerGridException(ErrorCodes.MalformedBody, "pub_args must be an array")
            : null;
}
