using TimerGrid.Gateway.Cluster;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Records;

namespace TimerGrid.Gateway.Ui;

/// <summary>
/// Where the dashboard's collection pages get their jobs: for now every stored job of the collection through the read
/// side (<see cref="IRecordQueryGrain.GetCollectionJobsAsync"/>), searched and cut here. The one place to change when
/// the paged job listing (issue 13) lands.
/// </summary>
internal sealed class UiJobSource(IGrainFactory grains)
{
    public const int MaxCollections = 1000;
    public const int MaxShown = 500;

    private IRecordQueryGrain Records => grains.GetGrain<IRecordQueryGrain>(0);

    public Task<IReadOnlyList<CollectionName>> CollectionsAsync() =>
        ClusterRetry.IdempotentAsync(() => Records.GetCollectionsAsync(MaxCollections));

    /// <summary>The collection's jobs whose id or name contains <paramref name="search"/> (all when empty), the first <see cref="MaxShown"/> by id, and how many matched.</summary>
    public async Task<(IReadOnlyList<JobView> Jobs, int Matching)> JobsAsync(string db, string collection, string? search)
    {
        var jobs = await ClusterRetry.IdempotentAsync(() => Records.GetCollectionJobsAsync(db, collection));
        var matching = string.IsNullOrWhiteSpace(search)
            ? jobs
            : jobs.Where(j => j.Key.Id.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)
                || (j.Spec.Name?.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase) ?? false)).ToList();
        return (matching.Take(MaxShown).ToList(), matching.Count);
    }
}
