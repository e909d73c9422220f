using System.Text;
using TimerGrid.Grains.Interfaces.Jobs;
using TimerGrid.Grains.Interfaces.Routes;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Storage;

/// <summary>What a pending job costs on disk: its state row holds no null fields and no needless escapes, and still reads back whole.</summary>
[Collection(SiloCollection.Name)]
public sealed class StoredStateTests(SiloFixture silo)
{
    [Fact]
    public async Task PendingJob_StateRowLeavesOutNullsAndKeepsQuotesShort_AndReadsBackAsCreated()
    {
        const string meta = """{"player": 205, "reason": "trial-expiry", "note": "ünïcode <&>"}""";
        await silo.Grains.GetGrain<IRouteGrain>("stored/r").CreateAsync(new RouteSpec(RouteType.Rest, silo.Receiver.UrlFor("stored"), null, PayloadStyle.Meta));
        var job = silo.Grains.GetGrain<IJobGrain>("stored/c/trial-1");
        await job.CreateAsync(new JobSpec(4_000_000_000_000, meta, "r"));

        var rows = await SqliteFile.QueryAsync(silo.DatabasePath,
            "SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = 'job' AND GrainIdExtensionString = 'stored/c/trial-1'");
        var stored = Encoding.UTF8.GetString((byte[])Assert.Single(rows)[0]!);
        Assert.DoesNotContain(":null", stored);
        Assert.DoesNotContain(@"\u", stored);
        Assert.Contains("ünïcode <&>", stored);

        var read = await job.GetAsync();
        Assert.Equal((meta, "r", JobStatus.Scheduled, null, null), (read!.Spec.Meta, read.Spec.Route, read.Status, read.Spec.Name, read.Spec.Schedule));
        var listed = await SqliteFile.QueryAsync(silo.DatabasePath, "SELECT status, sort_time FROM tg_job_list WHERE db = 'stored' AND id = 'trial-1'");
        Assert.Equal(("scheduled", 4_000_000_000_000L), ((string)Assert.Single(listed)[0]!, (long)listed[0][1]!));
    }
}
