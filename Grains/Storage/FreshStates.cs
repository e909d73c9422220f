using System.Collections.Concurrent;

namespace TimerGrid.Grains.Storage;

/// <summary>
/// Grain states this silo has just written outside their grains, held for the grain's next read so that it need not
/// read its row back (<see cref="FreshStateGrainStorage"/>). A state is held only while its writer waits for the grain
/// (<see cref="Hold"/>'s scope) and is taken by one read: in a cluster the grain may activate on another silo, which
/// reads the row.
/// </summary>
internal sealed class FreshStates
{
    private readonly ConcurrentDictionary<(string StateName, GrainId Grain), (object State, string ETag)> _held = new();

    /// <summary>Holds <paramref name="state"/>, stored under version <paramref name="etag"/>, for the grain's next read until the scope ends.</summary>
    public Scope Hold(string stateName, GrainId grain, object state, string etag)
    {
        _held[(stateName, grain)] = (state, etag);
        return new Scope(this, (stateName, grain));
    }

    /// <summary>The held state of the grain into <paramref name="into"/>, once; false when none is held.</summary>
    public bool TryTake<T>(string stateName, GrainId grain, IGrainState<T> into)
    {
        if (!_held.TryRemove((stateName, grain), out var held) || held.State is not T state)
        {
            return false;
        }
        into.State = state;
        into.ETag = held.ETag;
        into.RecordExists = true;
        return true;
    }

    public readonly struct Scope(FreshStates states, (string, GrainId) key) : IDisposable
    {
        public void Dispose() => states._held.TryRemove(key, out _);
    }
}
