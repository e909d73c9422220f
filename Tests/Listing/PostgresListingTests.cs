using System.Net;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Listing;

/// <summary>The listing through a standalone gateway (an Orleans client, no storage of its own) on PostgreSQL.</summary>
public sealed class PostgresListingTests
{
    private const long Far = 4_000_000_000_000;

    [Fact]
    public async Task Listing_ThroughGatewayOnPostgres_PagesCountsFiltersAndNamesAsOnSqlite()
    {
        await using var cluster = await ProcessCluster.StartAsync(silos: 1);
        var http = cluster.Gateway;
        await http.CreateRouteAsync("pg", "r", "http://127.0.0.1:9/never");
        await http.CreateRouteAsync("pg", "r2", "http://127.0.0.1:9/never");
        // Ids of mixed case on equal times: ordered byte by byte ("B…" before "a…"), whatever the database's collation.
        var ids = new[] { "a1", "B1", "a2", "B2", "c", "D" };
        for (var i = 0; i < ids.Length; i++)
        {
            await http.CreateNamedJobAsync("pg", "c", ids[i], Far + i / 2 * 1000, i % 2 == 0 ? "r" : "r2", $"name {ids[i]}");
        }
        (await http.PostAsync("/job/pg/c/c/pause", null)).EnsureSuccessStatusCode();
        await http.CreateRouteAsync("pg", "gone", "http://127.0.0.1:9/never");
        await http.CreateJobAsync("pg", "other", "x", Far, "r");
        await http.CreateJobAsync("pg", "other", "failed", RestCalls.Now + 500, "gone");
        await (await http.DeleteAsync("/route/pg/gone")).EnsureOkAsync();   // it fails for want of its route
        await http.WaitForStatusAsync("/job/pg/other/failed", "failed");

        var first = await http.GetJsonAsync("/job/pg/c?pagesize=4");
        var second = await http.GetJsonAsync($"/job/pg/c?pagesize=4&cursor={Uri.EscapeDataString(first.NextCursor()!)}");
        var byNumber = await http.GetJsonAsync("/job/pg/c?page=2&pagesize=4");

        Assert.Equal(["B1", "a1", "B2", "a2"], first.Ids());
        Assert.Equal(["D", "c"], second.Ids());   // c is paused: no next fire time, last
        Assert.Equal(second.Ids(), byNumber.Ids());
        Assert.Equal(6, first.GetProperty("count").GetInt64());
        Assert.Equal(["a2"], (await http.GetJsonAsync($"/job/pg/c?route=r&from={Far + 1000}")).Ids());
        Assert.Equal(["c"], (await http.GetJsonAsync("/job/pg/c?enabled=false&status=scheduled")).Ids());
        Assert.Equal("B2", (await http.GetJsonAsync("/job/pg/c/byname/name%20B2")).GetProperty("id").GetString());
        var failed = await http.GetJsonAsync("/job/pg/other?status=failed");
        Assert.Equal(["failed"], failed.Ids());
        Assert.Equal(1, failed.GetProperty("count").GetInt64());
        Assert.Equal("""{"collections":[{"collection":"c","count":6},{"collection":"other","count":2}]}""", (await http.GetJsonAsync("/job/pg")).GetRawText());
        Assert.Equal(["r", "r2"], (await http.GetJsonAsync("/route/pg")).Ids("routes"));

        var before = (await http.GetJsonAsync("/job/pg/c?pagesize=100")).GetRawText();
        var taken = await http.PutJsonAsync("/job/pg/c/D", $$"""{"trigger_time":{{Far}},"route":"r","name":"name a1"}""");
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains("E025", await taken.Content.ReadAsStringAsync());
        Assert.Equal(before, (await http.GetJsonAsync("/job/pg/c?pagesize=100")).GetRawText());
        await (await http.DeleteAsync("/job/pg/c/a1")).EnsureOkAsync();
        await (await http.PutJsonAsync("/job/pg/c/D", $$"""{"trigger_time":{{Far}},"route":"r","name":"name a1"}""")).EnsureOkAsync();
        Assert.Equal("D", (await http.GetJsonAsync("/job/pg/c/byname/name%20a1")).GetProperty("id").GetString());
        Assert.Equal(5, (await http.GetJsonAsync("/job/pg/c")).GetProperty("count").GetInt64());
    }
}
