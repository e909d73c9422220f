using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Grains.Jobs;
using TimerGrid.Grains.Routes;

namespace TimerGrid.Grains.Listing;

/// <summary>Views of listed grain state, read from its row as GET by id shows it.</summary>
internal static class StoredStates
{
    private static readonly JsonGrainStateSerializer States = new();

    public static JobView Job(JobKey key, byte[] payload) => States.Deserialize<JobState>(new BinaryData(payload)).ToView(key);

    public static RouteView Route(RouteKey key, byte[] payload) => States.Deserialize<RouteState>(new BinaryData(payload)).ToView(key);
}
