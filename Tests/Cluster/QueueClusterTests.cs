using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Queues;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Cluster;

/// <summary>Three silos on PostgreSQL: a queue's jobs, shards and directory spread over silos; any silo takes each job once.</summary>
public sealed class QueueClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const int Jobs = 60;

    [Fact]
    public async Task NativeJobsRoutedToAQueue_CreatedOnOneSilo_AreTakenOnceEachThroughAnother()
    {
        var silos = fixture.Cluster.Silos;
        var first = ClusterFixture.GrainsOf(silos[0]);
        await first.GetGrain<IRouteGrain>("clq/work").CreateAsync(new RouteSpec(RouteType.Queue, "", null, PayloadStyle.Meta));
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 0; i < Jobs; i++)
        {
            await first.GetGrain<IJobGrain>($"clq/c/{i}").CreateAsync(new JobSpec(now, $$"""{"i":{{i}}}""", "work"));
        }

        var directory = ClusterFixture.GrainsOf(silos[^1]).GetGrain<IQueueDirectoryGrain>("clq");
        var taken = new List<string>();
        while (taken.Count < Jobs)
        {
            var job = await directory.TakeAsync(["work"], TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10), CancellationToken.None);
            Assert.NotNull(job);
            taken.Add(job.Params);
        }

        Assert.Equal(Enumerable.Range(0, Jobs).Select(i => $$"""{"i":{{i}}}""").Order(), taken.Order());
        Assert.Null(await directory.TakeAsync(["work"], null, TimeSpan.Zero, CancellationToken.None));
    }
}
