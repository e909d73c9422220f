using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Gateway.Ui;

/// <summary>What the dashboard's buttons do to a job: the grain calls of the API's pause, resume, run, replay and delete.</summary>
internal static class UiJobActions
{
    /// <summary>Runs <paramref name="verb"/> on the job; what happened, for the page.</summary>
    public static async Task<string> RunAsync(IGrainFactory grains, JobKey key, string verb)
    {
        var job = grains.GetGrain<IJobGrain>(key.ToString());
        var found = verb switch
        {
            "pause" => await job.PauseAsync(),
            "resume" => await job.ResumeAsync(),
            "run" => await job.RunNowAsync() is not null,
            "replay" => await job.ReplayAsync() is not null,
            "delete" => await job.DeleteAsync() != DeleteOutcome.NotFound,
            _ => throw new TimerGridException(ErrorCodes.UnknownPath, $"no job action '{verb}'"),
        };
        if (!found)
        {
            throw new TimerGridException(ErrorCodes.JobNotFound, $"no job '{key.Id}' in {key.Db}/{key.Collection}");
        }
        return verb switch
        {
            "pause" => $"{key.Id} paused",
            "resume" => $"{key.Id} resumed",
            "run" => $"{key.Id} runs now",
            "replay" => $"{key.Id} replayed",
            _ => $"{key.Id} deleted",
        };
    }
}
