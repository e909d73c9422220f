using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Listing;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Listing;

/// <summary>What the job grains store, a client lists through IListingGrain. Each test has its own db.</summary>
[Collection(SiloCollection.Name)]
public sealed class ListingGrainTests(SiloFixture silo)
{
    private IListingGrain Listing => silo.Grains.GetGrain<IListingGrain>(0);

    [Fact]
    public async Task ListAllJobs_JobsCreatedThroughTheirGrains_EveryJobOfThatCollectionById()
    {
        await silo.Grains.GetGrain<IRouteGrain>("lg1/r").CreateAsync(new RouteSpec(RouteType.Rest, silo.Receiver.UrlFor("lg1"), null, PayloadStyle.Meta));
        foreach (var (id, time) in new[] { ("b", 4_000_000_000_000), ("a_1", 4_000_000_000_002), ("a", 4_000_000_000_001) })
        {
            await silo.Grains.GetGrain<IJobGrain>($"lg1/c/{id}").CreateAsync(new JobSpec(time, $$"""{"id":"{{id}}"}""", "r"));
        }
        await silo.Grains.GetGrain<IJobGrain>("lg1/c2/a").CreateAsync(new JobSpec(4_000_000_000_000, "{}", "r"));
        await silo.Grains.GetGrain<IJobGrain>("lg1/c/gone").CreateAsync(new JobSpec(4_000_000_000_000, "{}", "r"));
        await silo.Grains.GetGrain<IJobGrain>("lg1/c/gone").DeleteAsync();

        var jobs = await Listing.ListAllJobsAsync("lg1", "c");

        Assert.Equal(["lg1/c/a", "lg1/c/a_1", "lg1/c/b"], jobs.Select(j => j.Key.ToString()));
        Assert.Equal(await silo.Grains.GetGrain<IJobGrain>("lg1/c/a_1").GetAsync(), jobs[1]);
    }

    [Fact]
    public async Task GetAllCollections_JobsInTwoDbs_EachCollectionWithItsCountByDbAndName()
    {
        await silo.Grains.GetGrain<IRouteGrain>("lg2/r").CreateAsync(new RouteSpec(RouteType.Rest, silo.Receiver.UrlFor("lg2"), null, PayloadStyle.Meta));
        await silo.Grains.GetGrain<IRouteGrain>("lg3/r").CreateAsync(new RouteSpec(RouteType.Rest, silo.Receiver.UrlFor("lg3"), null, PayloadStyle.Meta));
        foreach (var key in new[] { "lg3/x/j", "lg2/y/j1", "lg2/y/j2", "lg2/b/j" })
        {
            await silo.Grains.GetGrain<IJobGrain>(key).CreateAsync(new JobSpec(4_000_000_000_000, "{}", "r"));
        }

        var collections = await Listing.GetAllCollectionsAsync(PageRequest.MaxPageSize);

        Assert.Equal([new("lg2", "b", 1), new("lg2", "y", 2), new CollectionName("lg3", "x", 1)], collections.Where(c => c.Db is "lg2" or "lg3"));
    }
}
