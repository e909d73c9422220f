using TimerGrid.Grains.Interfaces.Listing;

namespace TimerGrid.Gateway.Native.Jobs;

/// <summary><c>GET /job/{db}</c>: each collection holding jobs, with how many.</summary>
internal sealed record CollectionsResponse(IReadOnlyList<CollectionCount> Collections);
