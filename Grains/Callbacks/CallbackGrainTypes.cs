using Orleans.Metadata;
using TimerGrid.Grains.Delivery;
using TimerGrid.Grains.Interfaces.Callbacks;

namespace TimerGrid.Grains.Callbacks;

/// <summary>
/// Finds the grain class a GRAIN route names by interface. TimerGrid's silos do not have the user's code: they read
/// the cluster manifest, where every silo lists the grain classes it hosts and the interfaces each implements.
/// </summary>
internal sealed class CallbackGrainTypes(
    GrainInterfaceTypeToGrainTypeResolver grainTypes,
    GrainInterfaceTypeResolver interfaceTypes,
    IClusterManifestProvider manifests)
{
    private readonly string _callbackInterface = interfaceTypes.GetGrainInterfaceType(typeof(ITimerCallback)).ToString();

    /// <summary>The grain type implementing <paramref name="grainInterface"/>, or the failure to record when there is none to call.</summary>
    public DeliveryResult? TryResolve(string grainInterface, out GrainType grainType)
    {
        try
        {
            if (!grainTypes.TryGetGrainType(GrainInterfaceType.Create(grainInterface), out grainType))
            {
                // Retried: the silo hosting it may be restarting, or not have joined yet.
                return DeliveryResult.Failure(
                    $"no silo of the cluster hosts a grain implementing '{grainInterface}': start the silo with that grain class, or fix the route's grain_interface");
            }
        }
        catch (ArgumentException ambiguous)
        {
            grainType = default;
            return DeliveryResult.GiveUp($"grain_interface '{grainInterface}' does not name one grain class: {ambiguous.Message}");
        }
        return Implements(grainType, _callbackInterface)
            ? null
            : DeliveryResult.GiveUp($"grain '{grainType}', implementing '{grainInterface}', does not implement {_callbackInterface}");
    }

    private bool Implements(GrainType grainType, string grainInterface) =>
        manifests.Current.AllGrainManifests.Any(manifest =>
            manifest.Grains.TryGetValue(grainType, out var grain)
            && grain.Properties.Any(p => p.Key.StartsWith(WellKnownGrainTypeProperties.ImplementedInterfacePrefix, StringComparison.Ordinal)
                                         && p.Value == grainInterface));
}
