using TimerGrid.Grains.Interfaces.Calls;

namespace TimerGrid.Grains.Interfaces.Jobs;

/// <summary>The jobs of one collection as a whole, keyed <c>db/collection</c>.</summary>
[Alias("tg.ICollectionGrain")]
public interface ICollectionGrain : IGrainWithStringKey
{
    /// <summary>Pauses (false) or resumes (true) every job of the collection; returns how many jobs it changed.</summary>
    [Alias("SetEnabled"), Idempotent] Task<int> SetEnabledAsync(bool enabled);
}
