using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Storage;

/// <summary>The job index (the listing rows) is derived from the stored state by SQLite itself, so it always agrees with GET.</summary>
[Collection(SiloCollection.Name)]
public sealed class JobIndexTests(SiloFixture silo)
{
    [Fact]
    public async Task JobIndex_FollowsCreateRescheduleFireAndDelete()
    {
        await silo.Grains.GetGrain<IRouteGrain>("ix/r").CreateAsync(new RouteSpec(RouteType.Rest, silo.Receiver.UrlFor("ix"), null, PayloadStyle.Meta));
        var kept = silo.Grains.GetGrain<IJobGrain>("ix/c/kept");
        var fired = silo.Grains.GetGrain<IJobGrain>("ix/c/fired");
        var deleted = silo.Grains.GetGrain<IJobGrain>("ix/c/deleted");
        await kept.CreateAsync(new JobSpec(4_000_000_000_000, "{}", "r"));
        await kept.ReplaceAsync(new JobSpec(4_000_000_000_001, "{}", "r"));
        await deleted.CreateAsync(new JobSpec(4_000_000_000_000, "{}", "r"));
        await fired.CreateAsync(new JobSpec(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "{}", "r"));

        await deleted.DeleteAsync();
        await silo.Receiver.WaitForAsync("ix/c/fired");
        while ((await fired.GetAsync())!.Status != JobStatus.Delivered)
        {
            await Task.Delay(50);
        }

        var rows = await SqliteFile.QueryAsync(silo.DatabasePath,
            "SELECT id, status, sort_time FROM tg_job_list WHERE db = 'ix' AND collection = 'c' ORDER BY id");
        Assert.Equal(["fired", "kept"], rows.Select(r => (string)r[0]!));
        Assert.Equal("delivered", rows[0][1]);
        Assert.Equal(("scheduled", 4_000_000_000_001L), ((string)rows[1][1]!, (long)rows[1][2]!));
    }
}
