using System.Text.Json;
using TimerGrid.Tests.Fixtures;

namespace TimerGrid.Tests.Listing;

/// <summary>GET /job/{db}/{collection}: pages by number and by cursor, in next-fire-time order, each job as GET by id shows it.</summary>
[Collection(ApiCollection.Name)]
public sealed class JobListingApiTests(ApiFixture app)
{
    private const long Far = 4_000_000_000_000;
    private readonly HttpClient _http = app.Http;

    [Fact]
    public async Task List_EmptyCollection_ReturnsCountZeroAndNoJobs()
    {
        var page = await _http.GetJsonAsync("/job/lempty/nothing");

        Assert.Equal("""{"count":0,"pagesize":0,"page":1,"jobs":[],"next_cursor":null}""", page.GetRawText());
    }

    [Fact]
    public async Task List_ByPageNumber_OrdersByNextFireTimeThenIdUpToTheLastPageAndBeyond()
    {
        await _http.CreateRouteAsync("lpages", "r", "http://127.0.0.1:9/never");
        // 25 jobs on 9 distinct times, so ties are broken by id (ordinal: "j10" before "j2").
        var jobs = Enumerable.Range(0, 25).Select(i => (Id: $"j{i}", Time: Far + (i * 7 % 9) * 1000)).ToList();
        foreach (var (id, time) in jobs)
        {
            await _http.CreateJobAsync("lpages", "c", id, time, "r");
        }
        var expected = jobs.OrderBy(j => j.Time).ThenBy(j => j.Id, StringComparer.Ordinal).Select(j => j.Id).ToArray();

        var pages = new List<JsonElement>();
        for (var number = 1; number <= 4; number++)
        {
            pages.Add(await _http.GetJsonAsync($"/job/lpages/c?page={number}&pagesize=10"));
        }

        Assert.Equal(expected, pages.SelectMany(p => p.Ids()));
        Assert.All(pages, p => Assert.Equal(25, p.GetProperty("count").GetInt64()));
        Assert.Equal([10, 10, 5, 0], pages.Select(p => p.GetProperty("pagesize").GetInt32()));
        Assert.Equal([1, 2, 3, 4], pages.Select(p => p.GetProperty("page").GetInt32()));
        Assert.Equal([true, true, false, false], pages.Select(p => p.NextCursor() is not null));
        Assert.Equal(expected[..10], (await _http.GetJsonAsync("/job/lpages/c")).Ids());   // defaults: page 1 of 10
    }

    [Fact]
    public async Task List_EachJob_IsWhatGetByIdReturns()
    {
        await _http.CreateRouteAsync("lview", "r", "http://127.0.0.1:9/never");
        await _http.CreateNamedJobAsync("lview", "c", "one", Far, "r", "the one");
        (await _http.PostJsonAsync("/job/lview/c", """{"id":"two","schedule":{"cron":"0 3 * * *","timezone":"Europe/Paris"},"meta":{"a":[1,2]},"route":"r"}""")).EnsureSuccessStatusCode();
        (await _http.PostAsync("/job/lview/c/two/pause", null)).EnsureSuccessStatusCode();

        var listed = (await _http.GetJsonAsync("/job/lview/c")).GetProperty("jobs").EnumerateArray().ToList();

        Assert.Equal(2, listed.Count);
        foreach (var job in listed)
        {
            var byId = await _http.GetJsonAsync($"/job/lview/c/{job.GetProperty("id").GetString()}");
            Assert.Equal(byId.GetRawText(), job.GetRawText());
        }
        Assert.Equal(["one", "two"], listed.Select(j => j.GetProperty("id").GetString()));   // paused: no next fire time, last
    }

    [Fact]
    public async Task List_ByCursor_WhileJobsAreAddedAndDeleted_ShowsEveryJobThatStayedOnceAndInOrder()
    {
        await _http.CreateRouteAsync("lcursor", "r", "http://127.0.0.1:9/never");
        var originals = Enumerable.Range(0, 30).Select(i => $"j{i:D2}").ToList();
        for (var i = 0; i < originals.Count; i++)
        {
            await _http.CreateJobAsync("lcursor", "c", originals[i], Far + i * 1000, "r");
        }
        var visited = new List<string>();
        var deletedUnvisited = new HashSet<string>();
        var page = await _http.GetJsonAsync("/job/lcursor/c?pagesize=7");
        var round = 0;
        while (true)
        {
            visited.AddRange(page.Ids());
            if (page.NextCursor() is not { } cursor)
            {
                break;
            }
            // Between pages: a job sorting before the cursor and one after it come; a visited job and an unvisited one go.
            round++;
            await _http.CreateJobAsync("lcursor", "c", $"early{round}", Far - round, "r");
            await _http.CreateJobAsync("lcursor", "c", $"late{round}", Far + 100_000 + round, "r");
            await (await _http.DeleteAsync($"/job/lcursor/c/{visited[round - 1]}")).EnsureOkAsync();
            if (originals.LastOrDefault(id => !visited.Contains(id) && !deletedUnvisited.Contains(id)) is { } unvisited)
            {
                await (await _http.DeleteAsync($"/job/lcursor/c/{unvisited}")).EnsureOkAsync();
                deletedUnvisited.Add(unvisited);
            }
            page = await _http.GetJsonAsync($"/job/lcursor/c?pagesize=7&cursor={Uri.EscapeDataString(cursor)}");
        }

        Assert.Equal(visited.Distinct(), visited);
        Assert.Equal(originals.Except(deletedUnvisited), visited.Where(originals.Contains));
        Assert.DoesNotContain(visited, id => id.StartsWith("early", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, round).Select(r => $"late{r}"), visited.Where(id => id.StartsWith("late", StringComparison.Ordinal)));
        Assert.True(round >= 4, $"only {round} pages were walked");
    }

    [Fact]
    public async Task List_Filters_ByStatusRouteNameEnabledAndNextFireTime()
    {
        await _http.CreateRouteAsync("lfilter", "r", app.Receiver.UrlFor("lfilter"));
        await _http.CreateRouteAsync("lfilter", "r2", "http://127.0.0.1:9/never");
        await _http.CreateRouteAsync("lfilter", "gone", "http://127.0.0.1:9/never");
        var now = RestCalls.Now;
        await _http.CreateJobAsync("lfilter", "c", "delivered", now, "r");
        await _http.CreateJobAsync("lfilter", "c", "failed", now + 1000, "gone");
        await (await _http.DeleteAsync("/route/lfilter/gone")).EnsureOkAsync();   // it fails for want of its route
        await _http.CreateJobAsync("lfilter", "c", "a", Far + 1000, "r");
        await _http.CreateJobAsync("lfilter", "c", "b", Far + 2000, "r2");
        await _http.CreateNamedJobAsync("lfilter", "c", "named", Far + 3000, "r2", "Nightly report");
        await _http.CreateJobAsync("lfilter", "c", "paused", Far + 4000, "r");
        (await _http.PostAsync("/job/lfilter/c/paused/pause", null)).EnsureSuccessStatusCode();
        await _http.WaitForStatusAsync("/job/lfilter/c/delivered", "delivered");
        await _http.WaitForStatusAsync("/job/lfilter/c/failed", "failed");

        async Task AssertListsAsync(string query, params string[] ids)
        {
            var page = await _http.GetJsonAsync($"/job/lfilter/c?{query}");
            Assert.True(ids.SequenceEqual(page.Ids()), $"{query}: [{string.Join(", ", page.Ids())}]");
            Assert.Equal(ids.Length, page.GetProperty("count").GetInt64());
        }

        await AssertListsAsync("", "a", "b", "named", "delivered", "failed", "paused");
        await AssertListsAsync("status=failed", "failed");
        await AssertListsAsync("status=delivered", "delivered");
        await AssertListsAsync("status=scheduled", "a", "b", "named", "paused");
        await AssertListsAsync("status=completed");
        await AssertListsAsync("route=r2", "b", "named");
        await AssertListsAsync("name=Nightly%20report", "named");
        await AssertListsAsync("enabled=false", "paused");
        await AssertListsAsync("enabled=true&status=scheduled&route=r", "a");
        await AssertListsAsync($"from={Far + 2000}", "b", "named");
        await AssertListsAsync($"from={Far + 1000}&to={Far + 3000}", "a", "b");
        await AssertListsAsync($"to={Far + 1001}&status=scheduled", "a");
        var second = await _http.GetJsonAsync($"/job/lfilter/c?from={Far + 1000}&status=scheduled&pagesize=1&page=2");
        Assert.Equal(["b"], second.Ids());
        Assert.Equal(3, second.GetProperty("count").GetInt64());
    }
}
