using Orleans.Storage;

namespace TimerGrid.Grains.Storage;

/// <summary>The grain storage, whose reads are answered from <see cref="FreshStates"/> when a state just written is held there.</summary>
internal sealed class FreshStateGrainStorage(IGrainStorage storage, FreshStates fresh) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        fresh.TryTake(stateName, grainId, grainState) ? Task.CompletedTask : storage.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => storage.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => storage.ClearStateAsync(stateName, grainId, grainState);

    /// <summary>Orleans registers the storage's start-up through this type (it reads its queries when the silo starts).</summary>
    public void Participate(ISiloLifecycle lifecycle) => (storage as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
