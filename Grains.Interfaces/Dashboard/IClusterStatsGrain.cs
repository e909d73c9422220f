using Orleans.Concurrency;
using TimerGrid.Grains.Interfaces.Calls;

namespace TimerGrid.Grains.Interfaces.Dashboard;

/// <summary>
/// The dashboard's live figures: every silo reports what it measured every few seconds, and this grain keeps an hour
/// of reports in memory (a new activation starts empty). Use key 0.
/// </summary>
[Alias("tg.IClusterStatsGrain")]
public interface IClusterStatsGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a silo's report of what happened since its previous one.</summary>
    [Alias("Report"), OneWay] Task ReportAsync(SiloSample sample);

    /// <summary>Each silo's figures and the cluster's, over the last minute and the last hour.</summary>
    [Alias("Get"), Idempotent, ReadOnly] Task<ClusterStats> GetAsync();

    /// <summary>The delivery attempts of each route of <paramref name="db"/> that had any in the last hour, by route id.</summary>
    [Alias("Routes"), Idempotent, ReadOnly] Task<IReadOnlyList<RouteStats>> GetRoutesAsync(string db);
}
