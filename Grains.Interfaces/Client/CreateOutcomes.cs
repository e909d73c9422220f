using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Grains.Interfaces.Client;

/// <summary>A create that meets a different item under its id is the REST API's 409: a <see cref="TimerGridException"/> here.</summary>
internal static class CreateOutcomes
{
    public static async Task<CreateOutcome> UnlessConflictAsync(this Task<CreateOutcome> create, TimerGridError conflict, string message)
    {
        var outcome = await create;
        return outcome == CreateOutcome.Conflict ? throw new TimerGridException(conflict, message) : outcome;
    }
}
