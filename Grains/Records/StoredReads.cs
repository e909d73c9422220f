using System.Data.Common;
using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Jobs;
using TimerGrid.Grains.Routes;

namespace TimerGrid.Grains.Records;

/// <summary>What the read side's grains share: the storage error clients see, and views of stored grain state.</summary>
internal static class StoredReads
{
    private static readonly JsonGrainStateSerializer States = new();

    /// <summary>Driver exceptions do not cross the wire intact, and their text is not for clients: a failed read answers the catalogue's 503.</summary>
    public static async Task<T> AnswerAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (DbException)
        {
            throw new TimerGridException(ErrorCodes.StorageUnavailable, "storage did not answer; try again");
        }
    }

    /// <summary>A job as GET by id shows it, from its stored state.</summary>
    public static JobView Job(JobKey key, byte[] payload) => States.Deserialize<JobState>(new BinaryData(payload)).ToView(key);

    /// <summary>A route as GET by id shows it, from its stored state.</summary>
    public static RouteView Route(RouteKey key, byte[] payload) => States.Deserialize<RouteState>(new BinaryData(payload)).ToView(key);
}
