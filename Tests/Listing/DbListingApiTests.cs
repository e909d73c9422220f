using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Listing;

/// <summary>GET /job/{db} (collections and their counts) and GET /route/{db} (routes, paged like jobs).</summary>
[Collection(ApiCollection.Name)]
public sealed class DbListingApiTests(ApiFixture app)
{
    private const long Far = 4_000_000_000_000;
    private readonly HttpClient _http = app.Http;

    [Fact]
    public async Task Collections_OfDb_ListEachCollectionWithItsCount()
    {
        Assert.Equal("""{"collections":[]}""", (await _http.GetJsonAsync("/job/lcolls")).GetRawText());
        await _http.CreateRouteAsync("lcolls", "r", "http://127.0.0.1:9/never");
        foreach (var (collection, jobs) in new[] { ("b", 3), ("a", 1), ("c", 2) })
        {
            for (var i = 0; i < jobs; i++)
            {
                await _http.CreateJobAsync("lcolls", collection, $"j{i}", Far, "r");
            }
        }
        await (await _http.DeleteAsync("/job/lcolls/a/j0")).EnsureOkAsync();
        (await _http.PostAsync("/job/lcolls/c/j0/pause", null)).EnsureSuccessStatusCode();

        var collections = await _http.GetJsonAsync("/job/lcolls");

        Assert.Equal("""{"collections":[{"collection":"b","count":3},{"collection":"c","count":2}]}""", collections.GetRawText());
    }

    [Fact]
    public async Task Routes_OfDb_PagedByIdAndByCursor()
    {
        var ids = Enumerable.Range(0, 12).Select(i => $"r{i:D2}").ToArray();
        foreach (var id in ids.Reverse())
        {
            await _http.CreateRouteAsync("lroutes", id, $"http://127.0.0.1:9/{id}");
        }
        await _http.CreateRouteAsync("lroutes2", "elsewhere", "http://127.0.0.1:9/x");

        var second = await _http.GetJsonAsync("/route/lroutes?page=2&pagesize=5");
        var beyond = await _http.GetJsonAsync("/route/lroutes?page=4&pagesize=5");
        var walked = await _http.WalkAsync("/route/lroutes", 5);

        Assert.Equal(ids[5..10], second.Ids("routes"));
        Assert.Equal((12L, 5, 2), (second.GetProperty("count").GetInt64(), second.GetProperty("pagesize").GetInt32(), second.GetProperty("page").GetInt32()));
        Assert.Equal("http://127.0.0.1:9/r05", second.GetProperty("routes")[0].GetProperty("webhook_url").GetString());
        Assert.Empty(beyond.Ids("routes"));
        Assert.Equal(12, beyond.GetProperty("count").GetInt64());
        Assert.Equal(ids, walked.SelectMany(p => p.Ids("routes")));
        Assert.Equal([5, 5, 2], walked.Select(p => p.GetProperty("pagesize").GetInt32()));
        Assert.All(walked.Skip(1), p => Assert.Equal(System.Text.Json.JsonValueKind.Null, p.GetProperty("page").ValueKind));
    }
}
