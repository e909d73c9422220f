namespace TimerGrid.Grains.Listing;

/// <summary>The OrleansQuery keys of the listing's queries (Storage/Scripts/*/0011_timergrid_job_listing.sql, 0013_timergrid_dashboard.sql).</summary>
internal static class ListingQueryKeys
{
    public const string JobPage = "TimerGridJobPageKey";
    public const string JobCount = "TimerGridJobCountKey";
    public const string JobCountInRange = "TimerGridJobCountInRangeKey";
    public const string JobByName = "TimerGridJobByNameKey";
    public const string CollectionCounts = "TimerGridCollectionCountsKey";
    public const string AllCollections = "TimerGridAllCollectionsKey";
    public const string RoutePage = "TimerGridRoutePageKey";
    public const string RouteCount = "TimerGridRouteCountKey";
}
