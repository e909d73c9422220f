using TimerGrid.Grains.Interfaces.Errors;
using TimerGrid.Grains.Interfaces.Jobs;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary>The wire names of <see cref="MisfirePolicy"/>: <c>fire_once</c> (default), <c>skip</c>, <c>fire_all</c>.</summary>
internal static class MisfirePolicies
{
    /// <summary>The policy named, or null when none is.</summary>
    public static MisfirePolicy? Parse(string? name) => name switch
    {
        null => null,
        "fire_once" => MisfirePolicy.FireOnce,
        "skip" => MisfirePolicy.Skip,
        "fire_all" => MisfirePolicy.FireAll,
        _ => throw new TimerGridException(ErrorCodes.InvalidTrigger, "misfire must be \"fire_once\", \"skip\" or \"fire_all\""),
    };
}
